package io.careflow.customer;

import io.careflow.sla.BusinessHoursProperties;
import io.careflow.system.SqlTimes;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What an agent needs to know about a customer at a glance: their earlier contacts in
 * every channel, newest first (SPEC R1: what was said on the phone is known in the next
 * chat).
 */
@Component
public class CustomerHistory {

  static final int SUMMARY_CONTACTS = 5;

  private final JdbcClient jdbc;
  private final BusinessHoursProperties shopTime;

  public CustomerHistory(JdbcClient jdbc, BusinessHoursProperties shopTime) {
    this.jdbc = jdbc;
    this.shopTime = shopTime;
  }

  public String displayName(String customerId, String fallback) {
    return jdbc.sql("select name from customer where id = ?").param(customerId).query(String.class)
        .optional().filter(name -> !name.isBlank()).orElse(fallback);
  }

  /**
   * The messages exchanged on a contact after the first one, oldest first: who wrote, when,
   * and what — so the agent sees the customer's answer to a question in the next task.
   */
  public String conversation(String contactId) {
    return String.join("\n\n", jdbc.sql("""
            select created_at, direction, kind, author_name, body from message
            where contact_id = ? order by created_at, id""")
        .param(contactId)
        .query((rs, n) -> "— %s, %s:\n%s".formatted(shopTime.local(SqlTimes.instant(rs, "created_at")),
            "IN".equals(rs.getString("direction")) ? "the customer"
                : rs.getString("author_name") + ("QUESTION".equals(rs.getString("kind")) ? " (question)" : ""),
            rs.getString("body")))
        .list());
  }

  /** A few lines, one per earlier contact: when, channel, topic, status and subject. */
  public String summary(String customerId, String excludingContactId) {
    List<String> lines = jdbc.sql("""
            select received_at, channel, topic, status, subject from contact
            where customer_id = ? and id <> ? order by received_at desc fetch first %d rows only"""
            .formatted(SUMMARY_CONTACTS))
        .params(customerId, excludingContactId)
        .query((rs, n) -> "%s · %s · %s · %s%s".formatted(
            shopTime.local(SqlTimes.instant(rs, "received_at")),
            rs.getString("channel"),
            rs.getString("topic") == null ? "topic not set" : rs.getString("topic"),
            rs.getString("status"),
            rs.getString("subject") == null ? "" : " · " + rs.getString("subject")))
        .list();
    if (lines.isEmpty()) {
      return "First contact of this customer.";
    }
    String shown = String.join("\n", lines);
    if (lines.size() < SUMMARY_CONTACTS) {
      return shown;
    }
    long all = jdbc.sql("select count(*) from contact where customer_id = ? and id <> ?")
        .params(customerId, excludingContactId).query(Long.class).single();
    return all > lines.size() ? shown + "\n… and " + (all - lines.size()) + " earlier contacts" : shown;
  }
}
