// careflow rule: a clock step (start, stop, pause or resume a deadline, or close a case the
// customer never answered) names its clock.
// Why: the `deadline` input says which of the case's deadlines the step acts on ("reply",
// "replacement-review", "shipment-delay", …). Without it careflow falls back to the reply
// deadline, which the model then does not show — a "Stop the review clock" that stops the
// reply clock looks right in the diagram and is wrong in every case.
const { is, attribute, inputParameters, isBlank } = require('../lib/camunda');

const CLOCKS = {
  '${startDeadlineDelegate}': 'starts',
  '${completeDeadlineDelegate}': 'stops',
  '${pauseDeadlineDelegate}': 'pauses',
  '${resumeDeadlineDelegate}': 'resumes',
  '${closeUnansweredDelegate}': 'stops when the customer never answered'
};

module.exports = function() {

  function check(node, reporter) {
    if (!is(node, 'bpmn:Task')) {
      return;
    }
    const delegate = String(attribute(node, 'delegateExpression') || '').replace(/\s/g, '');
    const verb = CLOCKS[delegate];
    if (!verb) {
      return;
    }
    const deadline = inputParameters(node).find(input => input.name === 'deadline');
    if (!deadline) {
      reporter.report(node.id, `Clock step (${delegate}) without a deadline step: add the input ` +
        `"deadline" naming the clock it ${verb}, e.g. deadline = reply (careflow would take ` +
        'the reply clock without saying so)');
    } else if (!deadline.scripted && isBlank(deadline.value)) {
      reporter.report(node.id, `Clock step (${delegate}) without a deadline step: the input ` +
        `"deadline" is empty; set it to the clock it ${verb}, e.g. reply`);
    }
  }

  return { check };
};
