package io.careflow.customer;

import java.time.Instant;

/**
 * A customer as careflow stores them. {@code mergedInto} is set on a customer a team lead
 * merged into another: the row stays as a tombstone so that old links lead to the
 * survivor.
 */
public record Customer(String id, String name, String language, boolean vip, String mergedInto, Instant createdAt) {

  public boolean merged() {
    return mergedInto != null;
  }
}
