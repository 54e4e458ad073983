package io.careflow.support;

import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * Instants the tests set the engine clock to, written as the shop reads them (with their offset
 * from UTC), so a deadline's arithmetic in working time can be checked by eye.
 */
public final class ShopTime {

  /** Monday 30 November 2026, 10:00 in Warsaw: inside working hours, a week without holidays. */
  public static final Instant MONDAY_10 = at("2026-11-30T10:00+01:00");

  private ShopTime() {}

  /** {@code at("2026-11-30T16:30+01:00")}. */
  public static Instant at(String text) {
    return OffsetDateTime.parse(text).toInstant();
  }
}
