package io.careflow.customer;

/** What kind of address leads to a customer. */
public enum IdentityKind {
  EMAIL, PHONE
}
