package io.careflow.communication;

/**
 * What an agent's message to the customer is. An ANSWER completes the reply step; a
 * QUESTION stops the reply clock until the customer answers. CUSTOMER: written by the
 * customer.
 */
public enum MessageKind {
  ANSWER, QUESTION, CUSTOMER
}
