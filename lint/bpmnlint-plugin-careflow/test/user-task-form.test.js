const { model, verifyRule } = require('./support');
const rule = require('../rules/user-task-form');

verifyRule('user-task-form', rule, {
  valid: [
    {
      name: 'a Camunda Form linked by formRef',
      xml: model('<bpmn:userTask id="user_answer" camunda:formRef="answer-customer" camunda:formRefBinding="latest" />')
    },
    {
      name: 'a form reference that is an expression',
      xml: model('<bpmn:userTask id="user_answer" camunda:formRef="${formId}" />')
    },
    {
      name: 'a service task needs no form',
      xml: model('<bpmn:serviceTask id="service_send" camunda:delegateExpression="${sendReplyDelegate}" />')
    }
  ],
  invalid: [
    {
      name: 'no form at all',
      xml: model('<bpmn:userTask id="user_answer" name="Answer the customer" />'),
      report: {
        id: 'user_answer',
        message: 'User task has no form: link a Camunda Form from forms/ (form type "Camunda Forms (linked)", form reference camunda:formRef = the form\'s id)'
      }
    },
    {
      name: 'an empty form reference',
      xml: model('<bpmn:userTask id="user_answer" camunda:formRef="" />'),
      report: {
        id: 'user_answer',
        message: 'User task has no form: link a Camunda Form from forms/ (form type "Camunda Forms (linked)", form reference camunda:formRef = the form\'s id)'
      }
    },
    {
      name: 'a form key instead',
      xml: model('<bpmn:userTask id="user_answer" camunda:formKey="embedded:app:forms/answer.html" />'),
      report: {
        id: 'user_answer',
        message: 'User task uses form key "embedded:app:forms/answer.html" (camunda:formKey), which is not careflow\'s way: careflow fills and enforces only Camunda Forms from forms/. Choose the form type "Camunda Forms (linked)" and set the form reference (camunda:formRef) to the form\'s id'
      }
    },
    {
      name: 'both a form key and a form reference',
      xml: model('<bpmn:userTask id="user_answer" camunda:formKey="embedded:app:forms/answer.html" camunda:formRef="answer-customer" />'),
      report: {
        id: 'user_answer',
        message: 'User task has both a form key (camunda:formKey) and a form reference (camunda:formRef); Camunda allows only one: remove the form key'
      }
    }
  ]
});
