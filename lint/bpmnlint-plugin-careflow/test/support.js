// Runs bpmnlint's RuleTester on node's built-in test runner: the tester calls mocha's globals
// describe / it / beforeEach, which node:test provides under the same names.
const { describe, it, beforeEach } = require('node:test');
Object.assign(globalThis, { describe, it, beforeEach });

const path = require('node:path');
const { verify } = require('bpmnlint/lib/testers/rule-tester');
const { createModdle } = require('bpmnlint/lib/testers/helper');
const camundaModdle = require('camunda-bpmn-moddle/resources/camunda.json');

const FIXTURES = path.join(__dirname, 'fixtures');

/** A model file around `content` (elements of a process, or whole processes with `bare`). */
function model(content, { bare = false } = {}) {
  const body = bare ? content : `
  <bpmn:process id="process_under_test" isExecutable="true" camunda:historyTimeToLive="P365D">
    ${content}
  </bpmn:process>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="definitions_under_test"
    targetNamespace="http://careflow.io/processes">
  ${body}
</bpmn:definitions>`;
}

/**
 * Verifies a rule on its cases twice: the model read as `npx bpmnlint` reads it (Camunda's
 * extension elements stay generic) and as Camunda Modeler reads it (with Camunda's moddle).
 * A case is `{ name, xml, config?, report? }`.
 */
function verifyRule(ruleName, rule, { valid, invalid }) {
  const readings = [
    [ 'as bpmnlint reads it', undefined ],
    [ 'as Camunda Modeler reads it', { camunda: camundaModdle } ]
  ];
  for (const [ reading, extensions ] of readings) {
    const parsed = ({ xml, ...rest }) => ({ ...rest, moddleElement: createModdle(xml, extensions) });
    verify(`${ruleName}, ${reading}`, rule, {
      valid: valid.map(parsed),
      invalid: invalid.map(parsed)
    });
  }
}

module.exports = { model, verifyRule, FIXTURES };
