// careflow rule: every process has a history time to live (camunda:historyTimeToLive).
// Why: Camunda 7.24 refuses to deploy a process without one (careflow sets no engine-wide
// default), and the nightly history cleanup removes a finished case's history by it (SPEC R6).
// camunda-compat only mentions it as "info"; for careflow it is an error.
const { is, attribute, isBlank } = require('../lib/camunda');

module.exports = function() {

  function check(node, reporter) {
    if (is(node, 'bpmn:Process') && isBlank(attribute(node, 'historyTimeToLive'))) {
      reporter.report(node.id, 'Process without a history time to live: set "History cleanup ' +
        '→ Time to live" (camunda:historyTimeToLive), e.g. P365D like careflow\'s other processes');
    }
  }

  return { check };
};
