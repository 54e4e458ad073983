// The plugin as CI runs it: `npx bpmnlint` in the project root, with the project's .bpmnlintrc
// (plugin:careflow/recommended), on a model that breaks each careflow rule once.
const { test } = require('node:test');
const assert = require('node:assert');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const ROOT = path.resolve(__dirname, '..', '..', '..');
const MODEL = path.join(__dirname, 'fixtures', 'cli', 'breaks-every-rule.bpmn');

test('npx bpmnlint reports every careflow rule on the element that breaks it', () => {
  const bpmnlint = require.resolve('bpmnlint/bin/bpmnlint.js', { paths: [ ROOT ] });
  const run = spawnSync(process.execPath, [ bpmnlint, MODEL ], { cwd: ROOT, encoding: 'utf8' });

  const expected = [
    [ 'user_answer_customer', 'careflow/user-task-form' ],
    [ 'user_answer_customer', 'careflow/guarded-step-deadline' ],
    [ 'service_stop_reply_clock', 'careflow/clock-step-deadline' ],
    [ 'service_stop_reply_clock', 'careflow/element-template-exists' ],
    [ 'breaks-every-rule', 'careflow/history-time-to-live' ],
    [ 'call_refund', 'careflow/called-process-exists' ]
  ];
  const lines = run.stdout.split('\n');
  for (const [ element, rule ] of expected) {
    assert.ok(
      lines.some(line => line.trim().startsWith(element + ' ') && line.includes(' error ') && line.trim().endsWith(rule)),
      `expected ${rule} on ${element} in:\n${run.stdout}${run.stderr}`);
  }
  assert.strictEqual(lines.filter(line => /\scareflow\/[\w-]+\s*$/.test(line)).length, expected.length, run.stdout);
  assert.strictEqual(run.status, 1, run.stdout + run.stderr);
});
