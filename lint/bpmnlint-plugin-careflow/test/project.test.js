const { test } = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { FIXTURES } = require('./support');
const { projectRoot } = require('../lib/project');

test('the project root is the nearest folder up holding .bpmnlintrc', () => {
  const project = path.join(FIXTURES, 'project');
  assert.strictEqual(projectRoot(path.join(project, 'processes')), project);
  assert.strictEqual(projectRoot(project), project);
});

test('without .bpmnlintrc up the tree, the project root is the working directory', (t) => {
  const alone = fs.mkdtempSync(path.join(os.tmpdir(), 'careflow-lint-'));
  t.after(() => fs.rmSync(alone, { recursive: true }));
  const hasConfigAbove = (dir) => fs.existsSync(path.join(dir, '.bpmnlintrc')) ||
    (path.dirname(dir) !== dir && hasConfigAbove(path.dirname(dir)));
  if (hasConfigAbove(alone)) {
    t.skip(`a .bpmnlintrc above ${alone}`);
    return;
  }
  assert.strictEqual(projectRoot(alone), alone);
});
