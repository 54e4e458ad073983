const { model, verifyRule } = require('./support');
const rule = require('../rules/clock-step-deadline');

function clock(delegate, inputs) {
  const io = inputs === undefined ? '' : `
      <bpmn:extensionElements>
        <camunda:inputOutput>${inputs}</camunda:inputOutput>
      </bpmn:extensionElements>`;
  return model(`
    <bpmn:serviceTask id="service_clock" camunda:delegateExpression="${delegate}">${io}
    </bpmn:serviceTask>`);
}

verifyRule('clock-step-deadline', rule, {
  valid: [
    { name: 'stop naming its clock', xml: clock('${completeDeadlineDelegate}', '<camunda:inputParameter name="deadline">replacement-review</camunda:inputParameter>') },
    { name: 'start naming its clock by an expression', xml: clock('${startDeadlineDelegate}', '<camunda:inputParameter name="deadline">${step}</camunda:inputParameter>') },
    { name: 'a clock from a script', xml: clock('${pauseDeadlineDelegate}', '<camunda:inputParameter name="deadline"><camunda:script scriptFormat="groovy">"reply"</camunda:script></camunda:inputParameter>') },
    { name: 'another delegate needs no deadline', xml: clock('${sendReplyDelegate}') }
  ],
  invalid: [
    {
      name: 'resume without inputs',
      xml: clock('${resumeDeadlineDelegate}'),
      report: {
        id: 'service_clock',
        message: 'Clock step (${resumeDeadlineDelegate}) without a deadline step: add the input "deadline" naming the clock it resumes, e.g. deadline = reply (careflow would take the reply clock without saying so)'
      }
    },
    {
      name: 'start with other inputs only',
      xml: clock('${ startDeadlineDelegate }', '<camunda:inputParameter name="from">${receivedAt}</camunda:inputParameter>'),
      report: {
        id: 'service_clock',
        message: 'Clock step (${startDeadlineDelegate}) without a deadline step: add the input "deadline" naming the clock it starts, e.g. deadline = reply (careflow would take the reply clock without saying so)'
      }
    },
    {
      name: 'stop with an empty deadline',
      xml: clock('${completeDeadlineDelegate}', '<camunda:inputParameter name="deadline" />'),
      report: {
        id: 'service_clock',
        message: 'Clock step (${completeDeadlineDelegate}) without a deadline step: the input "deadline" is empty; set it to the clock it stops, e.g. reply'
      }
    }
  ]
});
