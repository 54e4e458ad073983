package io.careflow.system;

import java.time.Instant;

/**
 * The span of time a shop's request can be about. {@code OffsetDateTime} parses years from
 * -999,999,999 to +999,999,999; a contact "received" in year -1 or a parcel expected in year
 * 10,000 is a broken integration, not a fact to store and to run deadlines against (found by
 * the hostile-input properties, system.HostileInputTest).
 */
public final class PlausibleInstants {

  public static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
  public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");
  public static final String MESSAGE = "must lie between 2000-01-01 and 9999-12-31";

  private PlausibleInstants() {}

  public static boolean plausible(Instant instant) {
    return !instant.isBefore(EARLIEST) && !instant.isAfter(LATEST);
  }
}
