package io.careflow.reporting;

import io.careflow.casefile.Contact;
import io.careflow.casefile.ContactEvents;
import io.careflow.casefile.ContactEvents.ContactEvent;
import io.careflow.casefile.ContactRepository;
import io.careflow.calendar.BusinessHoursProperties;
import io.careflow.system.NotFoundException;
import io.careflow.system.SqlTimes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * A contact's whole story in one list (SPEC R6: who did what, when, which deadline applied and
 * whether it was met): careflow's own record of the contact — messages in and out, SLA
 * target / warning / breach / escalation / pause / met, classification and routing, notes,
 * offers, follow-ups, returns, the survey answer — merged with the engine's history.
 *
 * <p>Order: by instant. Steps of the same millisecond keep the order of their source, careflow's
 * first: a careflow event says what a step meant (the reply recorded), the engine's entries of
 * that instant how the process moved on.
 */
@Service
public class TimelineService {

  public static final String SURVEY_ANSWERED = "SURVEY_ANSWERED";
  /**
   * When the channel received the customer's message ({@code receivedAt}, as the integration
   * gave it), beside {@code CONTACT_RECEIVED}: when it reached careflow.
   */
  public static final String CHANNEL_RECEIVED = "CHANNEL_RECEIVED";
  public static final String CUSTOMER = "customer";

  private final ContactRepository contacts;
  private final ContactEvents events;
  private final EngineHistory engine;
  private final JdbcClient jdbc;
  private final BusinessHoursProperties shopTime;

  public TimelineService(ContactRepository contacts, ContactEvents events, EngineHistory engine, JdbcClient jdbc,
      BusinessHoursProperties shopTime) {
    this.contacts = contacts;
    this.events = events;
    this.engine = engine;
    this.jdbc = jdbc;
    this.shopTime = shopTime;
  }

  private record Sortable(Instant at, int source, int seq, TimelineEntry entry) {}

  /**
   * How the engine moved from element to element (activities passed, entered, left, cancelled):
   * the path, which the tasks, timers, messages and decisions of the case already tell in a
   * manager's words. Left out unless asked for.
   */
  public static final Set<String> ENGINE_INTERNAL = Set.of(EngineHistory.ACTIVITY_PASSED,
      EngineHistory.ACTIVITY_ENTERED, EngineHistory.ACTIVITY_LEFT, EngineHistory.ACTIVITY_CANCELLED);

  /**
   * The steps of the kinds asked for (every kind when none is named), engine-internal ones only
   * when named or {@code all} is set.
   */
  public List<TimelineEntry> of(String contactId, Set<String> kinds, boolean all) {
    return of(contactId).stream()
        .filter(e -> kinds.isEmpty() ? all || !ENGINE_INTERNAL.contains(e.type()) : kinds.contains(e.type()))
        .toList();
  }

  /** Every step, the engine-internal ones included. */
  public List<TimelineEntry> of(String contactId) {
    Contact contact = contacts.find(contactId).orElseThrow(() -> new NotFoundException("No contact " + contactId));
    var all = new ArrayList<Sortable>();
    // a proactive contact is the shop's own: no customer's message to have been received
    if (!contacts.proactive(contactId)) {
      var received = new ContactEvent(contact.receivedAt(), CHANNEL_RECEIVED, CUSTOMER, contact.channel()
          + ": the customer's message reached the channel at " + shopTime.local(contact.receivedAt()));
      all.add(new Sortable(received.at(), 0, all.size(), careflowEntry(received)));
    }
    for (ContactEvent e : events.of(contactId)) {
      all.add(new Sortable(e.at(), 0, all.size(), careflowEntry(e)));
    }
    jdbc.sql("select answered_at, csat, nps, ces, comment from survey_answer where contact_id = ?").param(contactId)
        .query((rs, n) -> new ContactEvent(SqlTimes.instant(rs, "answered_at"), SURVEY_ANSWERED, CUSTOMER,
            "CSAT %d/5, NPS %d/10, CES %d/7%s".formatted(rs.getInt("csat"), rs.getInt("nps"), rs.getInt("ces"),
                rs.getString("comment") == null ? "" : " — “" + rs.getString("comment") + "”")))
        .list().forEach(e -> all.add(new Sortable(e.at(), 0, all.size(), careflowEntry(e))));
    for (EngineHistory.Step s : engine.of(contactId)) {
      all.add(new Sortable(s.at(), 1, all.size(), entry(s.at(), s.type(), s.actor(), s.detail())));
    }
    all.sort(Comparator.comparing(Sortable::at).thenComparingInt(Sortable::source).thenComparingInt(Sortable::seq));
    return all.stream().map(Sortable::entry).toList();
  }

  /**
   * A customer's message is the customer's step, whoever handed it to careflow (the channel
   * integration, or an agent who typed in what was said on the phone).
   */
  private TimelineEntry careflowEntry(ContactEvent e) {
    if (ContactEvents.MESSAGE_RECEIVED.equals(e.type()) && !CUSTOMER.equals(e.actor())) {
      return entry(e.at(), e.type(), CUSTOMER, e.detail() + " (entered by " + e.actor() + ")");
    }
    return entry(e.at(), e.type(), e.actor(), e.detail());
  }

  private TimelineEntry entry(Instant at, String type, String actor, String detail) {
    return new TimelineEntry(at.atZone(shopTime.zone()).toOffsetDateTime(), type, actor, detail);
  }
}
