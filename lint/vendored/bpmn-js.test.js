// The case page draws its diagrams with bpmn-js's viewer, copied from npm into the jar
// (src/main/resources/static/vendor/bpmn-js/) because Maven Central serves no bpmn-js webjar.
// The copy must be byte for byte the files of the version package.json names, so it cannot
// drift: after `npm install` of a new version, copy the files again (the message says how).
const { test } = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.join(__dirname, '..', '..');
const VENDORED = path.join(ROOT, 'src', 'main', 'resources', 'static', 'vendor', 'bpmn-js');
const NPM = path.join(ROOT, 'node_modules', 'bpmn-js');
const FILES = {
  'bpmn-viewer.production.min.js': 'dist/bpmn-viewer.production.min.js',
  'diagram-js.css': 'dist/assets/diagram-js.css',
  'bpmn-js.css': 'dist/assets/bpmn-js.css',
  'LICENSE': 'LICENSE'
};

const wanted = require(path.join(ROOT, 'package.json')).devDependencies['bpmn-js'];

test('node_modules holds the bpmn-js version package.json names', () => {
  const installed = require(path.join(NPM, 'package.json')).version;
  assert.strictEqual(installed, wanted, `npm ci: node_modules has bpmn-js ${installed}, package.json wants ${wanted}`);
});

test('VERSION of the vendored viewer is the one package.json names', () => {
  assert.strictEqual(fs.readFileSync(path.join(VENDORED, 'VERSION'), 'utf8').trim(), wanted);
});

for (const [copy, original] of Object.entries(FILES)) {
  test(`vendored ${copy} is bpmn-js ${wanted}'s ${original}`, () => {
    const vendored = fs.readFileSync(path.join(VENDORED, copy));
    const npm = fs.readFileSync(path.join(NPM, original));
    assert.ok(vendored.equals(npm), `${copy} differs from node_modules/bpmn-js/${original}: `
      + `cp node_modules/bpmn-js/${original} src/main/resources/static/vendor/bpmn-js/${copy}`);
  });
}

test('nothing else is vendored unchecked', () => {
  const present = fs.readdirSync(VENDORED).filter((f) => f !== 'VERSION').sort();
  assert.deepStrictEqual(present, Object.keys(FILES).sort());
});
