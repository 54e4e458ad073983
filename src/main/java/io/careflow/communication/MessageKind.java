package io.careflow.communication;

/**
 * What a message on a contact is. An agent's ANSWER completes the reply step; a QUESTION
 * stops the reply clock until the customer answers; both count as the first reply. A
 * NOTICE is sent by careflow itself (acknowledgement, link, progress) and does not count.
 * CUSTOMER: written by the customer.
 */
public enum MessageKind {
  ANSWER, QUESTION, NOTICE, CUSTOMER;

  /** Written by an agent: the first of these is the contact's first reply. */
  public boolean byAgent() {
    return this == ANSWER || this == QUESTION;
  }
}
