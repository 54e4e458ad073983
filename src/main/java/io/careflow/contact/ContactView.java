package io.careflow.contact;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/** A contact as {@code GET /api/contacts/{id}} shows it (API.md). */
public record ContactView(
    String id,
    Channel channel,
    String externalId,
    Topic topic,
    String protocol,
    ContactStatus status,
    String customerId,
    String processInstanceId,
    OffsetDateTime receivedAt,
    Sla sla,
    String assignee) {

  /** The reply deadline of the contact: target duration, due instant, first reply, met. */
  public record Sla(String target, OffsetDateTime dueAt, OffsetDateTime firstReplyAt, Boolean met) {}

  static ContactView of(Contact c, String assignee, ZoneId zone) {
    return new ContactView(c.id(), c.channel(), c.externalId(), c.topic(), c.protocol(), c.status(), c.customerId(),
        c.processInstanceId(), at(c.receivedAt(), zone),
        new Sla(c.slaTarget(), at(c.slaDueAt(), zone), at(c.firstReplyAt(), zone), c.slaMet()),
        assignee);
  }

  private static OffsetDateTime at(Instant instant, ZoneId zone) {
    return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
  }
}
