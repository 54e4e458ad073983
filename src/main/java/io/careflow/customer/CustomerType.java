package io.careflow.customer;

/** How the shop treats a customer (SPEC R3); decided by {@code processes/customer-type.dmn}. */
public enum CustomerType {
  NEW, REGULAR, VIP
}
