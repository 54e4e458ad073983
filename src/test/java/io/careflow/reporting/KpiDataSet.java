package io.careflow.reporting;

import static io.careflow.system.SqlTimes.utc;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Contacts with known KPI facts, written straight into careflow's tables (no engine): the
 * state a contact's case leaves behind — status, first reply, reply deadline, messages,
 * survey answer, return reason — so the KPI queries can be checked against hand-computed
 * answers, and generated in bulk for the query-time measurement.
 */
public final class KpiDataSet {

  static final ZoneId WARSAW = ZoneId.of("Europe/Warsaw");

  private final JdbcClient jdbc;

  public KpiDataSet(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  static Instant at(LocalDate day, int hour, int minute) {
    return day.atTime(LocalTime.of(hour, minute)).atZone(WARSAW).toInstant();
  }

  String customer() {
    String id = UUID.randomUUID().toString();
    jdbc.sql("insert into customer (id, name, language, created_at) values (?, ?, 'en', ?)")
        .params(id, "KPI customer", utc(Instant.parse("2019-01-01T00:00:00Z"))).update();
    return id;
  }

  public Contact contact(String channel, String topic, String team) {
    return new Contact(channel, topic, team);
  }

  /** One contact and the facts of its case; {@link #insert()} writes it. */
  public final class Contact {
    final String id = UUID.randomUUID().toString();
    private final String channel;
    private final String topic;
    private final String team;
    private String customerId;
    private Instant receivedAt;
    private String status = "OPEN";
    private Instant resolvedAt;
    private Long firstReplyMinutes;
    private Boolean agentSaysResolved;
    private String outcome;
    private Boolean met;
    private boolean deadline = true;
    private Instant dueAt;
    private int answers;
    private int questions;
    private int customerMessages;
    private int[] survey;
    private String returnReason;
    private String productSku;
    private String subject = "KPI data set";
    private boolean proactive;

    Contact(String channel, String topic, String team) {
      this.channel = channel;
      this.topic = topic;
      this.team = team;
    }

    Contact customer(String customerId) {
      this.customerId = customerId;
      return this;
    }

    public Contact received(Instant at) {
      this.receivedAt = at;
      return this;
    }

    Contact resolved(Instant at) {
      this.status = "RESOLVED";
      this.resolvedAt = at;
      return this;
    }

    Contact closed(Instant at) {
      this.status = "CLOSED";
      this.resolvedAt = at;
      return this;
    }

    Contact waiting() {
      this.status = "WAITING_FOR_CUSTOMER";
      return this;
    }

    Contact firstReply(long workingMinutes) {
      this.firstReplyMinutes = workingMinutes;
      return this;
    }

    Contact agentSaysResolved(boolean resolved) {
      this.agentSaysResolved = resolved;
      return this;
    }

    Contact outcome(String outcome) {
      this.outcome = outcome;
      return this;
    }

    /** The reply deadline: met (true), missed (false) or still open (null). */
    public Contact met(Boolean met) {
      this.met = met;
      return this;
    }

    Contact due(Instant dueAt) {
      this.dueAt = dueAt;
      return this;
    }

    Contact noDeadline() {
      this.deadline = false;
      return this;
    }

    Contact answers(int answers) {
      this.answers = answers;
      return this;
    }

    Contact questions(int questions) {
      this.questions = questions;
      return this;
    }

    Contact customerMessages(int messages) {
      this.customerMessages = messages;
      return this;
    }

    Contact survey(int csat, int nps, int ces) {
      this.survey = new int[] {csat, nps, ces};
      return this;
    }

    /** The product the contact is about (its SKU). */
    Contact product(String sku) {
      this.productSku = sku;
      return this;
    }

    Contact returnReason(String reason) {
      this.returnReason = reason;
      return this;
    }

    /** A contact careflow opened itself (a delayed shipment): work in the backlog, not a customer's contact. */
    Contact proactive() {
      this.proactive = true;
      return this;
    }

    public Contact subject(String subject) {
      this.subject = subject;
      return this;
    }

    public String insert() {
      if (customerId == null) {
        customerId = KpiDataSet.this.customer();
      }
      Instant firstReplyAt = firstReplyMinutes == null ? null : receivedAt.plusSeconds(firstReplyMinutes * 60);
      jdbc.sql("insert into contact (id, channel, customer_id, received_at, subject, topic, protocol, status, team,"
              + " first_reply_at, first_reply_working_minutes, resolved_at, first_contact_resolved, outcome,"
              + " created_by, proactive, product_sku) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'kpi-test', ?, ?)")
          .params(id, channel, customerId, utc(receivedAt), subject, topic,
              topic == null ? null : topic.toLowerCase(), status, team, utc(firstReplyAt), firstReplyMinutes,
              utc(resolvedAt), agentSaysResolved, outcome, proactive, productSku)
          .update();
      if (deadline) {
        Instant due = dueAt != null ? dueAt : receivedAt.plusSeconds(6 * 3600);
        Instant completed = met == null ? null : firstReplyAt != null ? firstReplyAt : receivedAt.plusSeconds(600);
        jdbc.sql("insert into deadline (id, contact_id, step, target, warning_fraction, started_at, warning_at,"
                + " due_at, escalation_at, breached_at, completed_at, met) values (?, ?, 'reply', 'PT6H', 0.75, ?, ?,"
                + " ?, ?, ?, ?, ?)")
            .params(UUID.randomUUID().toString(), id, utc(receivedAt), utc(due.minusSeconds(3600)), utc(due),
                utc(due.plusSeconds(6 * 3600)), Boolean.FALSE.equals(met) ? utc(due) : null, utc(completed), met)
            .update();
      }
      Instant at = firstReplyAt != null ? firstReplyAt : receivedAt.plusSeconds(60);
      for (int i = 0; i < questions; i++) {
        message("OUT", "QUESTION", at);
      }
      for (int i = 0; i < customerMessages; i++) {
        message("IN", "CUSTOMER", at.plusSeconds(60));
      }
      for (int i = 0; i < answers; i++) {
        message("OUT", "ANSWER", at.plusSeconds(120 + i));
      }
      if (survey != null) {
        jdbc.sql("insert into survey_answer (id, contact_id, csat, nps, ces, answered_at) values (?, ?, ?, ?, ?, ?)")
            .params(UUID.randomUUID().toString(), id, survey[0], survey[1], survey[2],
                utc(resolvedAt != null ? resolvedAt.plusSeconds(3600) : receivedAt.plusSeconds(7200)))
            .update();
      }
      if (returnReason != null) {
        jdbc.sql("insert into return_request (id, contact_id, reason, submitted_at) values (?, ?, ?, ?)")
            .params(UUID.randomUUID().toString(), id, returnReason, utc(receivedAt.plusSeconds(1800))).update();
      }
      return id;
    }

    private void message(String direction, String kind, Instant at) {
      jdbc.sql("insert into message (id, contact_id, direction, channel, author, body, status, created_at, kind)"
              + " values (?, ?, ?, ?, ?, 'text', ?, ?, ?)")
          .params(UUID.randomUUID().toString(), id, direction, channel, "IN".equals(direction) ? "customer" : "anna",
              "IN".equals(direction) ? "RECEIVED" : "SENT", utc(at), kind)
          .update();
    }
  }
}
