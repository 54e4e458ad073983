/**
 * What the customers' small public pages share — the pages themselves live with their feature
 * (the return form, the replacement request, the survey): signed, expiring, single-use links
 * that need no account, the pages' texts in the customer's language, and the friendly page for
 * a link that opens nothing.
 */
package io.careflow.publicpages;
