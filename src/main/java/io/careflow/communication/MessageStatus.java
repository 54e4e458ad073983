package io.careflow.communication;

/**
 * PENDING: recorded, not yet handed to the channel. SENT: accepted by the channel (SMTP
 * accepted it, the webhook answered 2xx) — the only outbound status that is an answer.
 * UNDELIVERED: the sending step gave up (no way out for the channel, or its attempts ran
 * out): an incident in Cockpit, the team leads told, the reply clock still running; a retry
 * of the incident sends it again. STORED: written by earlier versions, which kept a message
 * on the contact for a channel without a way out (and wrongly counted it as an answer).
 * RECEIVED: came from the customer.
 */
public enum MessageStatus {
  PENDING, SENT, STORED, RECEIVED, UNDELIVERED;

  /** Whether a send step may still hand the message over (a retry of an incident included). */
  public boolean awaitsDelivery() {
    return this == PENDING || this == UNDELIVERED;
  }
}
