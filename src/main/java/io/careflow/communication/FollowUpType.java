package io.careflow.communication;

/** What the next communication with the customer is (SPEC R5), or that none is needed. */
public enum FollowUpType {
  NONE, REPAIR_STATUS, OFFER, SATISFACTION_CHECK, CALL, CUSTOM
}
