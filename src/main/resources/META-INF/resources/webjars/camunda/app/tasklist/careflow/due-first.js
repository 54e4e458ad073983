/*
 * careflow: Tasklist opens a list sorted by due date, soonest first, instead of its built-in
 * "created, newest first". Tasklist keeps the sorting in the address (?sorting=...), so an
 * address without one gets careflow's before Tasklist reads it; a sorting the agent picks (or a
 * link that carries one) stays as it is.
 */
const SORTING = JSON.stringify([{sortBy: 'dueDate', sortOrder: 'asc'}]);

function dueFirst() {
  const hash = window.location.hash || '#/';
  if (!hash.startsWith('#/') || hash.startsWith('#/login')) {
    return;
  }
  const at = hash.indexOf('?');
  const path = at < 0 ? hash : hash.slice(0, at);
  const query = at < 0 ? '' : hash.slice(at + 1);
  if (/(^|&)sorting=/.test(query)) {
    return;
  }
  const sorting = 'sorting=' + encodeURIComponent(SORTING);
  window.location.replace(path + '?' + (query ? query + '&' : '') + sorting);
}

dueFirst();
// after signing in Tasklist moves to its list without a sorting
window.addEventListener('hashchange', dueFirst);

export default [];
