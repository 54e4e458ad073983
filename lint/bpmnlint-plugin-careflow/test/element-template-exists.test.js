const path = require('node:path');
const { model, verifyRule, FIXTURES } = require('./support');
const rule = require('../rules/element-template-exists');

// As `npx bpmnlint` run in a project: the root is found from the working directory up (here
// from its processes/ folder), element-templates/ is read from there.
process.chdir(path.join(FIXTURES, 'project', 'processes'));

function task(template) {
  return model(`<bpmn:serviceTask id="service_notice" ${template} />`);
}

verifyRule('element-template-exists', rule, {
  valid: [
    { name: 'a template of a one-template file', xml: task('camunda:modelerTemplate="careflow.send-notice" camunda:modelerTemplateVersion="3"') },
    { name: 'a version from a file of several', xml: task('camunda:modelerTemplate="careflow.stop-clock" camunda:modelerTemplateVersion="1"') },
    { name: 'a template without versions', xml: task('camunda:modelerTemplate="careflow.record-outcome"') },
    { name: 'no template', xml: task('') }
  ],
  invalid: [
    {
      name: 'an unknown id',
      xml: task('camunda:modelerTemplate="careflow.send-notise" camunda:modelerTemplateVersion="3"'),
      report: {
        id: 'service_notice',
        message: 'Element template "careflow.send-notise" does not exist: no file in element-templates/ has a template with that id. Correct the id, add the template, or unlink the element from it in Camunda Modeler'
      }
    },
    {
      name: 'a version that is not there',
      xml: task('camunda:modelerTemplate="careflow.stop-clock" camunda:modelerTemplateVersion="3"'),
      report: {
        id: 'service_notice',
        message: 'Element template "careflow.stop-clock" has no version 3 in element-templates/ (versions there: 1, 2). Update the element to a version that exists in Camunda Modeler, or add that version'
      }
    },
    {
      name: 'a version of a template that has none',
      xml: model('<bpmn:startEvent id="start_case" camunda:modelerTemplate="careflow.record-outcome" camunda:modelerTemplateVersion="1" />'),
      report: {
        id: 'start_case',
        message: 'Element template "careflow.record-outcome" has no version 1 in element-templates/ (versions there: none). Update the element to a version that exists in Camunda Modeler, or add that version'
      }
    },
    {
      name: 'any template, when the folder does not exist',
      config: { templates: 'no-templates-here' },
      xml: task('camunda:modelerTemplate="careflow.send-notice" camunda:modelerTemplateVersion="3"'),
      report: {
        id: 'service_notice',
        message: 'Element template "careflow.send-notice" does not exist: there is no no-templates-here/ folder with templates. Add the template there, or unlink the element from it in Camunda Modeler'
      }
    },
    {
      name: 'an unknown id, naming the files that could not be read',
      config: { templates: 'broken-templates' },
      xml: task('camunda:modelerTemplate="careflow.stop-clock" camunda:modelerTemplateVersion="1"'),
      report: {
        id: 'service_notice',
        message: 'Element template "careflow.stop-clock" does not exist: no file in broken-templates/ has a template with that id (could not be read as JSON: half.json). Correct the id, add the template, or unlink the element from it in Camunda Modeler'
      }
    }
  ]
});
