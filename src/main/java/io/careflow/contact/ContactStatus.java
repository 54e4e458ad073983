package io.careflow.contact;

public enum ContactStatus {
  OPEN, WAITING_FOR_CUSTOMER, RESOLVED, CLOSED
}
