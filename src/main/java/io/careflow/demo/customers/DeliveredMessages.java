package io.careflow.demo.customers;

import io.careflow.casefile.Channel;
import io.careflow.casefile.ContactStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import static io.careflow.system.SqlTimes.instant;

/**
 * The messages careflow delivered to customers (outbound, SENT: the channel took them), with the
 * customer and the case they belong to — what {@code /demo/customers} lists.
 */
@Repository
@Profile("demo")
public class DeliveredMessages {

  static final int SHOWN = 300;

  private final JdbcClient jdbc;

  public DeliveredMessages(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** One delivered message and whom it reached. */
  public record Delivered(String id, String contactId, ContactStatus contactStatus, String customerId,
      String customerName, Channel channel, String recipient, String authorName, String subject, String body,
      Instant sentAt, String externalId) {}

  /** The newest delivered messages, grouped by customer and channel. */
  public List<Delivered> newest() {
    return jdbc.sql(SELECT + " order by m.sent_at desc, m.seq desc fetch first " + SHOWN + " rows only")
        .query(DeliveredMessages::map).list();
  }

  public Optional<Delivered> find(String messageId) {
    return jdbc.sql(SELECT + " and m.id = ?").param(messageId).query(DeliveredMessages::map).optional();
  }

  private static final String SELECT = """
      select m.id, m.contact_id, c.status as contact_status, c.customer_id, cu.name as customer_name, m.channel,
             m.recipient, m.author_name, m.subject, m.body, m.sent_at, m.external_id
        from message m
        join contact c on c.id = m.contact_id
        left join customer cu on cu.id = c.customer_id
       where m.direction = 'OUT' and m.status = 'SENT'""";

  private static Delivered map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new Delivered(rs.getString("id"), rs.getString("contact_id"),
        ContactStatus.valueOf(rs.getString("contact_status")), rs.getString("customer_id"),
        rs.getString("customer_name"), Channel.valueOf(rs.getString("channel")), rs.getString("recipient"),
        rs.getString("author_name"), rs.getString("subject"), rs.getString("body"), instant(rs, "sent_at"),
        rs.getString("external_id"));
  }
}
