const path = require('node:path');
const { model, verifyRule, FIXTURES } = require('./support');
const rule = require('../rules/called-process-exists');

// As `npx bpmnlint` run in a project: the root is found from the working directory up (here
// from its processes/ folder), processes/ is read from there.
process.chdir(path.join(FIXTURES, 'project', 'processes'));

function call(calledElement) {
  return model(`<bpmn:callActivity id="call_protocol" calledElement="${calledElement}" />`);
}

verifyRule('called-process-exists', rule, {
  valid: [
    { name: 'a process of processes/', xml: call('inquiry') },
    { name: 'a process written with single quotes, no prefix', xml: call('return') },
    { name: 'an expression', xml: call('${protocolKey}') },
    {
      name: 'a process of the same model',
      xml: model(`
        <bpmn:process id="refund" isExecutable="true" camunda:historyTimeToLive="P365D" />
        <bpmn:process id="return-new" isExecutable="true" camunda:historyTimeToLive="P365D">
          <bpmn:callActivity id="call_refund" calledElement="refund" />
        </bpmn:process>`, { bare: true })
    }
  ],
  invalid: [
    {
      name: 'a process that does not exist',
      xml: call('order-cancellation'),
      report: {
        id: 'call_protocol',
        message: 'Calls process "order-cancellation", which does not exist: no model in processes/ has a process with that id (the file name is the process id: processes/order-cancellation.bpmn). Correct the called element or add the process'
      }
    },
    {
      name: 'a process that is not executable',
      xml: call('sketch'),
      report: {
        id: 'call_protocol',
        message: 'Calls process "sketch", which is not executable (processes/sketch.bpmn): tick "Executable" on that process, or call another'
      }
    },
    {
      name: 'any process, when the folder does not exist',
      config: { processes: 'models' },
      xml: call('inquiry'),
      report: {
        id: 'call_protocol',
        message: 'Calls process "inquiry", but there is no models/ folder to find it in'
      }
    }
  ]
});
