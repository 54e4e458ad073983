/**
 * Finding cases: the search over contacts by customer, order, topic, channel, team, agent,
 * status, outcome, deadline and period, as the managers' page {@code /cases} and as
 * {@code GET /api/contacts?…}; and who may see which case ({@code casefile.CaseReaders}): managers, team
 * leads and administrators every case, agents the cases they or their team worked on,
 * integrations none. The case page itself ({@code /cases/{id}}) lives in {@code cases.page}.
 */
package io.careflow.cases;
