package io.careflow.routing;

import static io.careflow.system.SqlTimes.instant;

import io.careflow.communication.Message;
import io.careflow.communication.MessageKind;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Who knows the customer: the agent who wrote them most replies — answers and questions,
 * on any of their contacts, in any channel — ties going to the most recent reply. Notices
 * careflow sends by itself do not count. Bounded by the customer's contacts (indexes on
 * contact.customer_id and message.contact_id).
 */
@Repository
public class CustomerRelationships {

  private final JdbcClient jdbc;

  public CustomerRelationships(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Relationship> closestAgent(String customerId) {
    return jdbc.sql("""
            select m.author, count(*) as replies, max(m.created_at) as last_reply_at
            from message m join contact c on c.id = m.contact_id
            where c.customer_id = ? and m.direction = ? and m.kind in (?, ?)
            group by m.author
            order by count(*) desc, max(m.created_at) desc, m.author
            fetch first 1 rows only""")
        .params(customerId, Message.Direction.OUT.name(), MessageKind.ANSWER.name(), MessageKind.QUESTION.name())
        .query((rs, n) -> new Relationship(rs.getString("author"), rs.getInt("replies"), instant(rs, "last_reply_at")))
        .optional();
  }

  /** How often the agent replied to the customer, and when last. */
  public record Relationship(String agent, int replies, Instant lastReplyAt) {}
}
