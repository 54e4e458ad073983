// careflow rule: every user task shows a Camunda Form, linked by camunda:formRef.
// Why: careflow fills the customer's context into the task's form and enforces on the server
// what the form declares (required fields, patterns, options) — for forms in forms/ named by
// formRef only. A task without one shows the agent nothing; a camunda:formKey (embedded or
// external form) is shown by Tasklist but neither filled nor enforced by careflow.
const { is, attribute, isBlank } = require('../lib/camunda');

module.exports = function() {

  function check(node, reporter) {
    if (!is(node, 'bpmn:UserTask')) {
      return;
    }
    const formRef = attribute(node, 'formRef');
    const formKey = attribute(node, 'formKey');

    if (!isBlank(formRef) && !isBlank(formKey)) {
      reporter.report(node.id, 'User task has both a form key (camunda:formKey) and a form ' +
        'reference (camunda:formRef); Camunda allows only one: remove the form key');
    } else if (!isBlank(formKey)) {
      reporter.report(node.id, `User task uses form key "${formKey}" (camunda:formKey), which ` +
        'is not careflow\'s way: careflow fills and enforces only Camunda Forms from forms/. ' +
        'Choose the form type "Camunda Forms (linked)" and set the form reference ' +
        '(camunda:formRef) to the form\'s id');
    } else if (isBlank(formRef)) {
      reporter.report(node.id, 'User task has no form: link a Camunda Form from forms/ ' +
        '(form type "Camunda Forms (linked)", form reference camunda:formRef = the form\'s id)');
    }
  }

  return { check };
};
