/**
 * Talking to the customer: replies recorded and sent in the channel the customer used
 * (e-mail through SMTP with FreeMarker templates, signed with the agent's own name), and
 * every outbound message kept on the contact.
 */
package io.careflow.communication;
