// Camunda 7 attributes and extension elements of a model element, read the same way whether
// the model was parsed without Camunda's moddle extension (the bpmnlint command line: they stay
// generic, `camunda:properties` with `$children`) or with it (Camunda Modeler:
// `camunda:Properties` with `values`).

function is(node, type) {
  return typeof node.$instanceOf === 'function' && node.$instanceOf(type);
}

function sameType(element, type) {
  return typeof element.$type === 'string' && element.$type.toLowerCase() === type.toLowerCase();
}

/** The value of attribute `camunda:<name>`, or undefined. */
function attribute(node, name) {
  return typeof node.get === 'function' ? node.get('camunda:' + name) : undefined;
}

function isBlank(text) {
  return text === undefined || text === null || String(text).trim() === '';
}

/** `${…}` or `#{…}`: decided when the process runs, so not the lint's to check. */
function isExpression(text) {
  return typeof text === 'string' && (text.includes('${') || text.includes('#{'));
}

function extensions(node, type) {
  const values = (node.extensionElements && node.extensionElements.values) || [];
  return values.filter(element => sameType(element, type));
}

function children(element, typedProperty, type) {
  return (element[typedProperty] || element.$children || []).filter(child => sameType(child, type));
}

/** The extension properties (Modeler: "Extension properties") as `{ name, value }`. */
function properties(node) {
  return extensions(node, 'camunda:properties')
    .flatMap(list => children(list, 'values', 'camunda:property'))
    .map(property => ({ name: property.name, value: property.value }));
}

/**
 * The input parameters (Modeler: "Inputs") as `{ name, value, scripted }`: `value` is the text,
 * `scripted` says the value comes from a script, list or map instead.
 */
function inputParameters(node) {
  return extensions(node, 'camunda:inputOutput')
    .flatMap(io => children(io, 'inputParameters', 'camunda:inputParameter'))
    .map(input => ({
      name: input.name,
      value: input.value !== undefined ? input.value : input.$body,
      scripted: Boolean(input.definition) || (input.$children || []).length > 0
    }));
}

module.exports = {
  is,
  attribute,
  isBlank,
  isExpression,
  properties,
  inputParameters
};
