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

module.exports = {
  projectRoot,
  projectFolder,
  shown,
  processesIn
};
