const { model, verifyRule } = require('./support');
const rule = require('../rules/history-time-to-live');

const MESSAGE = 'Process without a history time to live: set "History cleanup → Time to live" (camunda:historyTimeToLive), e.g. P365D like careflow\'s other processes';

verifyRule('history-time-to-live', rule, {
  valid: [
    { name: 'a time to live', xml: model('<bpmn:process id="inquiry" isExecutable="true" camunda:historyTimeToLive="P365D" />', { bare: true }) }
  ],
  invalid: [
    {
      name: 'none',
      xml: model('<bpmn:process id="inquiry" isExecutable="true" />', { bare: true }),
      report: { id: 'inquiry', message: MESSAGE }
    },
    {
      name: 'an empty one, next to a good process',
      xml: model(`
        <bpmn:process id="inquiry" isExecutable="true" camunda:historyTimeToLive="P365D" />
        <bpmn:process id="complaint" isExecutable="true" camunda:historyTimeToLive="" />`, { bare: true }),
      report: { id: 'complaint', message: MESSAGE }
    }
  ]
});
