package io.careflow.followup;

import io.careflow.casefile.CaseVariables;
import io.careflow.customer.CustomerHistory;
import io.careflow.calendar.BusinessHoursProperties;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * When planned messages may reach a customer: between {@code careflow.follow-up.sending-hours}
 * (08:00–20:00) in the customer's time zone, else the shop's. A time outside is moved to the
 * next start of sending hours (before 08:00 → 08:00 that day; from 20:00 → 08:00 next day).
 */
@Component
public class SendingHours {

  private final CustomerHistory customers;
  private final Clock clock;
  private final ZoneId shopZone;
  private final LocalTime from;
  private final LocalTime until;

  public SendingHours(CustomerHistory customers, Clock clock, BusinessHoursProperties shop,
      @Value("${careflow.follow-up.sending-from:08:00}") LocalTime from,
      @Value("${careflow.follow-up.sending-until:20:00}") LocalTime until) {
    this.customers = customers;
    this.clock = clock;
    this.shopZone = shop.zone();
    this.from = from;
    this.until = until;
  }

  /** For the model's gateway: may the planned message go out now? */
  public boolean allowsNow(DelegateExecution execution) {
    return allows(clock.instant(), zoneOf(CaseVariables.string(execution, CaseVariables.CUSTOMER_ID)));
  }

  public ZoneId zoneOf(String customerId) {
    return customers.timeZone(customerId).orElse(shopZone);
  }

  public boolean allows(Instant instant, ZoneId zone) {
    LocalTime local = instant.atZone(zone).toLocalTime();
    return !local.isBefore(from) && local.isBefore(until);
  }

  /** {@code instant} itself when it lies in sending hours, else the next start of them. */
  public Instant next(Instant instant, ZoneId zone) {
    if (allows(instant, zone)) {
      return instant;
    }
    ZonedDateTime local = instant.atZone(zone);
    ZonedDateTime start = local.toLocalDate().atTime(from).atZone(zone);
    return (local.toLocalTime().isBefore(from) ? start : start.plusDays(1)).toInstant();
  }
}
