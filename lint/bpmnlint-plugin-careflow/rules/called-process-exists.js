// careflow rule: a call activity calls a process that exists.
// Why: careflow refuses at deploy a call activity naming a process no deployment has; the lint
// says so before the deploy, at the element. A process exists when an executable process of a
// .bpmn file in processes/ (file name = process id), or of the linted model itself, has that
// id. A called element that is an expression (${protocolKey}) is decided when the case runs.
//
// The folder is `processes/` under the project root, where the linted models live: bpmnlint
// does not tell a rule the linted file's path, so the root is found from the working directory
// (see lib/project.js); the option `processes` names another folder.
const { is, isBlank, isExpression } = require('../lib/camunda');
const { projectFolder, shown, processesIn } = require('../lib/project');

module.exports = function(config = {}) {

  const dir = projectFolder(config.processes, 'processes');
  let found;

  function processes() {
    return found === undefined ? (found = processesIn(dir)) : found;
  }

  function inThisModel(node, id) {
    let root = node;
    while (root.$parent) {
      root = root.$parent;
    }
    return (root.rootElements || [])
      .some(element => is(element, 'bpmn:Process') && element.id === id && element.isExecutable);
  }

  function check(node, reporter) {
    if (!is(node, 'bpmn:CallActivity')) {
      return;
    }
    const called = node.calledElement;
    if (isBlank(called) || isExpression(called) || inThisModel(node, called.trim())) {
      return;
    }
    const id = called.trim();
    const all = processes();
    const known = all && all.get(id);

    if (!all) {
      reporter.report(node.id, `Calls process "${id}", but there is no ${shown(dir)} folder ` +
        'to find it in');
    } else if (!known) {
      reporter.report(node.id, `Calls process "${id}", which does not exist: no model in ` +
        `${shown(dir)} has a process with that id (the file name is the process id: ` +
        `${shown(dir)}${id}.bpmn). Correct the called element or add the process`);
    } else if (!known.executable) {
      reporter.report(node.id, `Calls process "${id}", which is not executable ` +
        `(${shown(dir)}${known.file}): tick "Executable" on that process, or call another`);
    }
  }

  return { check };
};
