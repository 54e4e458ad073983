package io.careflow.customer;

import io.careflow.casefile.Channel;
import java.time.Instant;

/**
 * What the shop offered the customer — in which channel, by whom, until when — so every
 * agent knows what the customer was offered (SPEC R1).
 */
public record Offer(String id, String customerId, String contactId, Channel channel, String text, String offeredBy,
    Instant createdAt, Instant validUntil) {

  public static final int MAX_TEXT = 1000;

  /** Still valid at {@code now}. */
  public boolean openAt(Instant now) {
    return validUntil.isAfter(now);
  }
}
