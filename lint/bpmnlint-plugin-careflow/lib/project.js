// The project's other files, for the rules that check a model against them.
//
// bpmnlint never tells a rule which file it lints: the rule's factory gets the rule's options,
// `check` gets the model's elements, nothing else (bpmnlint 11). So folders are found from the
// working directory, where `npx bpmnlint` runs anyway: it reads `.bpmnlintrc` and loads plugins
// from there. The project root is the nearest folder, from the working directory up, holding a
// `.bpmnlintrc`; a rule's option can name another folder (absolute, or relative to that root).

const fs = require('node:fs');
const path = require('node:path');

function projectRoot(start = process.cwd()) {
  for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, '.bpmnlintrc'))) {
      return dir;
    }
    if (path.dirname(dir) === dir) {
      return path.resolve(start);
    }
  }
}

/** The folder a rule reads: its option if set, else `fallback`, both relative to the root. */
function projectFolder(option, fallback) {
  return path.resolve(projectRoot(), option || fallback);
}

/** How a folder is named in messages: relative to the project root when inside it. */
function shown(dir) {
  const relative = path.relative(projectRoot(), dir);
  return (relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : dir) + '/';
}

function filesEndingWith(dir, ending) {
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    return null;
  }
  return fs.readdirSync(dir).filter(name => name.endsWith(ending)).sort();
}

function attributes(tagText) {
  const found = {};
  for (const match of tagText.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    found[match[1]] = match[2] !== undefined ? match[2] : match[3];
  }
  return found;
}

/**
 * The processes of the `.bpmn` files in `dir`: id → `{ file, executable }`, or null when the
 * folder does not exist. Read from the XML text (a rule runs synchronously, the BPMN parser
 * does not), start tags `<…:process …>` only.
 */
function processesIn(dir) {
  const files = filesEndingWith(dir, '.bpmn');
  if (files === null) {
    return null;
  }
  const processes = new Map();
  for (const file of files) {
    const xml = fs.readFileSync(path.join(dir, file), 'utf8');
    for (const tag of xml.matchAll(/<(?:[\w.-]+:)?process\b((?:[^>"']|"[^"]*"|'[^']*')*)>/g)) {
      const { id, isExecutable } = attributes(tag[1]);
      if (id && !processes.has(id)) {
        processes.set(id, { file, executable: isExecutable === 'true' });
      }
    }
  }
  return processes;
}

/**
 * The element templates of the `.json` files in `dir` (each holds one template or an array of
 * them): `{ exists, versions: id → Set of versions as text ('' for a template without one),
 * unreadable: names of the files that could not be read as JSON }`.
 */
function elementTemplatesIn(dir) {
  const files = filesEndingWith(dir, '.json');
  const versions = new Map();
  const unreadable = [];
  for (const file of files || []) {
    let content;
    try {
      content = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
    } catch (error) {
      unreadable.push(file);
      continue;
    }
    for (const template of Array.isArray(content) ? content : [ content ]) {
      if (template && typeof template.id === 'string') {
        const known = versions.get(template.id) || new Set();
        known.add(template.version === undefined || template.version === null ? '' : String(template.version));
        versions.set(template.id, known);
      }
    }
  }
  return { exists: files !== null, versions, unreadable };
}

module.exports = {
  projectRoot,
  projectFolder,
  shown,
  processesIn,
  elementTemplatesIn
};
