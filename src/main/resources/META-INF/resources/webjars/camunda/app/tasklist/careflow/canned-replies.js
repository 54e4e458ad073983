/*
 * careflow: the agent picks one of the case's canned replies on a reply form and it becomes the
 * reply's body. The form has a radio (or select) whose key is CHOICE, its options in the task's
 * variable named by the field's valuesKey ([{label, value, text}], made by careflow's
 * CannedReplyListener), and the textarea BODY. form-js 7.24 cannot fill one field from another,
 * so on a choice this script puts the option's text in the textarea and tells form-js through an
 * input event, as if the agent had typed it; the agent then edits it as they like.
 *
 * Which fields are meant is read from the task's deployed form (by key, not by how form-js
 * names its elements); the texts from the task's form variables, with the agent's own Tasklist
 * session (the same requests Tasklist makes to show the form).
 */
const CHOICE = 'cannedReply';
const BODY = 'replyText';

const tasks = new Map();

function api() {
  // /camunda/app/tasklist/default/ -> /camunda/api/engine/engine/default/
  const path = window.location.pathname;
  const app = path.indexOf('/app/');
  const engine = (path.slice(app).split('/')[3] || 'default');
  return path.slice(0, app) + '/api/engine/engine/' + encodeURIComponent(engine) + '/';
}

function taskId() {
  const hash = window.location.hash;
  const query = hash.indexOf('?') < 0 ? '' : hash.slice(hash.indexOf('?') + 1);
  for (const pair of query.split('&')) {
    if (pair.startsWith('task=')) {
      return decodeURIComponent(pair.slice('task='.length));
    }
  }
  return null;
}

function fieldsOf(components, found) {
  for (const component of components || []) {
    if (component.key === CHOICE && component.valuesKey) {
      found.choice = component;
    } else if (component.key === BODY) {
      found.body = component;
    }
    fieldsOf(component.components, found);
  }
  return found;
}

async function getJson(url) {
  const response = await fetch(url, {credentials: 'same-origin', headers: {Accept: 'application/json'}});
  if (!response.ok) {
    throw new Error(url + ': ' + response.status);
  }
  return response.json();
}

/** The choice field, the body field and the options' texts of the task's form; null when it has none. */
function cannedRepliesOf(id) {
  if (!tasks.has(id)) {
    tasks.set(id, (async () => {
      const form = await getJson(api() + 'task/' + encodeURIComponent(id) + '/deployed-form');
      const fields = fieldsOf(form.components, {});
      if (!fields.choice || !fields.body) {
        return null;
      }
      const variables = await getJson(api() + 'task/' + encodeURIComponent(id) + '/form-variables?variableNames='
        + encodeURIComponent(fields.choice.valuesKey) + '&deserializeValues=false');
      const held = variables[fields.choice.valuesKey];
      const options = held && typeof held.value === 'string' ? JSON.parse(held.value) : (held && held.value) || [];
      return {choice: fields.choice.id, body: fields.body.id, options};
    })().catch(error => {
      tasks.delete(id);
      throw error;
    }));
  }
  return tasks.get(id);
}

/**
 * Puts the text in the textarea as typing would, then leaves the field: form-js takes a typed
 * text after a short pause, and at once when the field is left.
 */
function fill(textarea, text) {
  textarea.value = text;
  textarea.dispatchEvent(new Event('input', {bubbles: true}));
  textarea.dispatchEvent(new Event('blur'));
  textarea.dispatchEvent(new Event('focusout', {bubbles: true}));
}

/** After the tasks already queued: form-js has taken the radio's own change by then. */
function afterFormJs() {
  return new Promise(resolve => setTimeout(resolve, 0));
}

document.addEventListener('click', async event => {
  const radio = event.target;
  if (!(radio instanceof HTMLInputElement) || radio.type !== 'radio' || !radio.closest('.fjs-form')) {
    return;
  }
  const id = taskId();
  if (!id) {
    return;
  }
  const canned = await cannedRepliesOf(id);
  if (!canned) {
    return;
  }
  // form-js names an option's input "<form>-<component id>-<index of the option>"
  const chosen = radio.id.match(new RegExp('-' + canned.choice.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') + '-(\\d+)$'));
  const option = chosen ? canned.options[Number(chosen[1])] : null;
  // filled before form-js takes the radio's change, its next render would keep the old body
  await afterFormJs();
  const body = option ? document.querySelector('.fjs-form textarea[id$="-' + canned.body + '"]') : null;
  if (body && typeof option.text === 'string') {
    fill(body, option.text);
  }
}, true);

export default [];
