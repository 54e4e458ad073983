/**
 * Talking to the customer: replies recorded and sent in the channel the customer used
 * (e-mail through SMTP with FreeMarker templates, signed with the agent's own name), and
 * every outbound message kept on the contact. Only what a channel took counts as sent; a
 * message it could not hand over is UNDELIVERED, an incident, and told to the team leads.
 * Automatic notices are signed by the case's agent and name their deadlines' due times.
 */
package io.careflow.communication;
