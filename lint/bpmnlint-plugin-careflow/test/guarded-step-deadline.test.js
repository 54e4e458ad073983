const { model, verifyRule } = require('./support');
const rule = require('../rules/guarded-step-deadline');

const MESSAGE = 'Guarded step without a deadline step: the extension property "deadline" is empty, so careflow does not guard this task (no due date, warning or escalation). Set it to a step sla-policy.dmn has a row for, e.g. "reply" or "replacement-review", or remove the property';

function userTask(properties) {
  return model(`
    <bpmn:userTask id="user_review" camunda:formRef="review">
      <bpmn:extensionElements>
        <camunda:properties>${properties}</camunda:properties>
      </bpmn:extensionElements>
    </bpmn:userTask>`);
}

verifyRule('guarded-step-deadline', rule, {
  valid: [
    { name: 'a guarded step naming its step', xml: userTask('<camunda:property name="deadline" value="replacement-review" />') },
    { name: 'a task that is not guarded', xml: model('<bpmn:userTask id="user_review" camunda:formRef="review" />') },
    { name: 'another empty property', xml: userTask('<camunda:property name="note" value="" />') }
  ],
  invalid: [
    { name: 'an empty deadline', xml: userTask('<camunda:property name="deadline" value="" />'), report: { id: 'user_review', message: MESSAGE } },
    { name: 'a blank deadline', xml: userTask('<camunda:property name="deadline" value="  " />'), report: { id: 'user_review', message: MESSAGE } },
    { name: 'a deadline without a value', xml: userTask('<camunda:property name="deadline" />'), report: { id: 'user_review', message: MESSAGE } }
  ]
});
