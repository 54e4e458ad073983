package io.careflow.contact;

import io.careflow.casefile.Channel;
import io.careflow.casefile.Contact;
import io.careflow.casefile.ContactStatus;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Optional;
import io.careflow.sla.Deadline;

/** A contact as {@code GET /api/contacts/{id}} shows it (API.md). */
public record ContactView(
    String id,
    Channel channel,
    String externalId,
    String topic,
    String protocol,
    ContactStatus status,
    String customerId,
    String processInstanceId,
    OffsetDateTime receivedAt,
    Sla sla,
    String assignee,
    @io.swagger.v3.oas.annotations.media.Schema(description = "a web form's call-me request: when careflow calls "
        + "the customer back (the time asked for, moved to the next opening when the shop is closed then); "
        + "null for other contacts")
    OffsetDateTime callBackAt) {

  /**
   * The reply deadline of the contact: target (working time), due instant (moved by time
   * spent waiting for the customer), first reply, met (null while open), whether the clock
   * stands still now, the working minutes to the first reply, and the row of sla-policy.dmn
   * that gave the target (its id and the designer's description).
   */
  public record Sla(String target, OffsetDateTime dueAt, OffsetDateTime firstReplyAt, Boolean met, boolean paused,
      Long firstReplyWorkingMinutes, String policy) {}

  static ContactView of(Contact c, Optional<Deadline> reply, String assignee, ZoneId zone) {
    Sla sla = new Sla(reply.map(d -> d.target().toString()).orElse(null),
        reply.map(d -> at(d.dueAt(), zone)).orElse(null), at(c.firstReplyAt(), zone),
        reply.map(Deadline::met).orElse(null), reply.map(Deadline::isPaused).orElse(false),
        c.firstReplyWorkingMinutes(), reply.map(Deadline::policy).orElse(null));
    return new ContactView(c.id(), c.channel(), c.externalId(), c.topic(), c.protocol(), c.status(), c.customerId(),
        c.processInstanceId(), at(c.receivedAt(), zone), sla, assignee, at(c.callBackAt(), zone));
  }

  private static OffsetDateTime at(Instant instant, ZoneId zone) {
    return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
  }
}
