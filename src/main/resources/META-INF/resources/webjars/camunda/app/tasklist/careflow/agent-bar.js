/*
 * careflow in Tasklist's header, loaded through scripts/config.js (customScripts):
 *
 * - "Availability": the agent's own page (/availability) where they switch AVAILABLE / AWAY and
 *   read what that does to their open tasks.
 * - A form the browser refuses (form-js: a required field empty, a number out of range, a
 *   pattern) is shown by form-js next to each field; Tasklist adds a red toast "An error happened
 *   while submitting the task form" with no message. That toast says nothing the marks do not,
 *   so it is left out while the form shows marks. A refusal by the server (it names each field
 *   by its label) has a message and still shows.
 */
const AVAILABILITY = '/availability';

function quietClientSideRefusals() {
  const angular = window.angular;
  const root = document.querySelector('.ng-scope');
  const injector = angular && root ? angular.element(root).injector() : null;
  if (!injector || !injector.has('Notifications')) {
    return false;
  }
  const notifications = injector.get('Notifications');
  if (notifications.careflowQuiet) {
    return true;
  }
  const addError = notifications.addError.bind(notifications);
  notifications.addError = function (error) {
    const marked = document.querySelector('.fjs-form .fjs-has-errors, .fjs-form .fjs-form-field-error');
    if (error && !error.message && marked) {
      return undefined;
    }
    return addError(error);
  };
  notifications.careflowQuiet = true;
  return true;
}

export default {
  id: 'careflow-agent-bar',
  pluginPoint: 'tasklist.navbar.action',
  priority: 50,
  render: (node) => {
    node.innerHTML = '<a href="' + AVAILABILITY + '" target="_blank" rel="noopener" class="careflow-availability"'
      + ' title="Switch between available and away: what it does to your open tasks">Availability</a>';
    if (!quietClientSideRefusals()) {
      setTimeout(quietClientSideRefusals, 500);
    }
  }
};
