package io.careflow.casefile;

public enum ContactStatus {
  OPEN, WAITING_FOR_CUSTOMER, RESOLVED, CLOSED
}
