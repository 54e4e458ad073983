// careflow rule: a guarded step names its deadline step.
// Why: a user task with the extension property `deadline` is a guarded step (SPEC R2): the
// task is due when the case's deadline of that step is, and deadline-watch.bpmn warns and
// escalates. careflow skips an empty `deadline` without a word — at deploy and at run time —
// so the designer believes the task is guarded while nothing watches it.
const { is, properties, isBlank } = require('../lib/camunda');

module.exports = function() {

  function check(node, reporter) {
    if (!is(node, 'bpmn:UserTask')) {
      return;
    }
    const empty = properties(node)
      .some(({ name, value }) => typeof name === 'string' && name.trim() === 'deadline' && isBlank(value));
    if (empty) {
      reporter.report(node.id, 'Guarded step without a deadline step: the extension property ' +
        '"deadline" is empty, so careflow does not guard this task (no due date, warning or ' +
        'escalation). Set it to a step sla-policy.dmn has a row for, e.g. "reply" or ' +
        '"replacement-review", or remove the property');
    }
  }

  return { check };
};
