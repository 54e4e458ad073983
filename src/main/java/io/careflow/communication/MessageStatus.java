package io.careflow.communication;

/**
 * PENDING: recorded, not yet handed to the channel. SENT: accepted by the channel
 * (SMTP). STORED: kept on the contact for a channel careflow cannot deliver yet.
 * RECEIVED: came from the customer.
 */
public enum MessageStatus {
  PENDING, SENT, STORED, RECEIVED
}
