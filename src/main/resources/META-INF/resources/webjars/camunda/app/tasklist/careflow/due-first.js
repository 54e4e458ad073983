/*
 * careflow: Tasklist opens a list sorted by due date, soonest first, instead of its built-in
 * "created, newest first". Tasklist keeps the sorting in the address (?sorting=...) and puts its
 * built-in one there whenever an address has none (after signing in, a link to a task). So: an
 * address without a sorting gets careflow's, and so does Tasklist's built-in one when it merely
 * filled an address that had none; a sorting the agent picks (or a link that carries one) stays.
 */
const DUE_FIRST = JSON.stringify([{sortBy: 'dueDate', sortOrder: 'asc'}]);
const BUILT_IN = JSON.stringify([{sortBy: 'created', sortOrder: 'desc'}]);

function split(url) {
  const hash = url.indexOf('#') < 0 ? '' : url.slice(url.indexOf('#'));
  const at = hash.indexOf('?');
  return {path: at < 0 ? hash : hash.slice(0, at), query: at < 0 ? '' : hash.slice(at + 1)};
}

function sortingOf(url) {
  for (const pair of split(url).query.split('&')) {
    if (pair.startsWith('sorting=')) {
      try {
        return JSON.stringify(JSON.parse(decodeURIComponent(pair.slice('sorting='.length))));
      } catch (e) {
        return pair;
      }
    }
  }
  return null;
}

function dueFirst() {
  const {path, query} = split(window.location.href);
  if (!path.startsWith('#/') || path.startsWith('#/login')) {
    return;
  }
  const others = query.split('&').filter(pair => pair && !pair.startsWith('sorting='));
  others.push('sorting=' + encodeURIComponent(DUE_FIRST));
  window.location.replace(path + '?' + others.join('&'));
}

if (sortingOf(window.location.href) === null) {
  dueFirst();
}

window.addEventListener('hashchange', event => {
  const now = sortingOf(window.location.href);
  const filledIn = sortingOf(event.newURL) === null || (now === BUILT_IN && sortingOf(event.oldURL) === null);
  if (now === null || (now === BUILT_IN && filledIn)) {
    dueFirst();
  }
});

export default [];
