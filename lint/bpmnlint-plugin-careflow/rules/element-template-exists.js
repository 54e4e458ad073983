// careflow rule: an element based on an element template names one the project has.
// Why: Camunda Modeler shows an element's fields from its template (camunda:modelerTemplate,
// camunda:modelerTemplateVersion); careflow's templates live in element-templates/*.json at
// the project root (each file one template or an array of them, with `id` and `version`). A
// template that is not there — a typo, a removed template, a version not yet shared — leaves
// the designer editing raw fields that the template was meant to fill in right.
//
// The folder is `element-templates/` under the project root (see lib/project.js: found from
// the working directory, bpmnlint does not tell a rule the linted file's path); the option
// `templates` names another. When the folder does not exist, every template is unknown.
const { attribute, isBlank } = require('../lib/camunda');
const { projectFolder, shown, elementTemplatesIn } = require('../lib/project');

module.exports = function(config = {}) {

  const dir = projectFolder(config.templates, 'element-templates');
  let found;

  function templates() {
    return found || (found = elementTemplatesIn(dir));
  }

  function unreadable() {
    const { unreadable } = templates();
    return unreadable.length ? ` (could not be read as JSON: ${unreadable.join(', ')})` : '';
  }

  function check(node, reporter) {
    const id = attribute(node, 'modelerTemplate');
    if (isBlank(id) || typeof node.id !== 'string') {
      return;
    }
    const version = attribute(node, 'modelerTemplateVersion');
    const { exists, versions } = templates();
    const known = versions.get(id);

    if (!exists) {
      reporter.report(node.id, `Element template "${id}" does not exist: there is no ` +
        `${shown(dir)} folder with templates. Add the template there, or unlink the element ` +
        'from it in Camunda Modeler');
    } else if (!known) {
      reporter.report(node.id, `Element template "${id}" does not exist: no file in ` +
        `${shown(dir)} has a template with that id${unreadable()}. Correct the id, add the ` +
        'template, or unlink the element from it in Camunda Modeler');
    } else if (!isBlank(version) && !known.has(String(version).trim())) {
      const there = [ ...known ].map(v => v || 'none').join(', ');
      reporter.report(node.id, `Element template "${id}" has no version ${version} in ` +
        `${shown(dir)} (versions there: ${there})${unreadable()}. Update the element to a ` +
        'version that exists in Camunda Modeler, or add that version');
    }
  }

  return { check };
};
