package io.careflow.customer;

import static io.careflow.system.SqlTimes.instant;
import static io.careflow.system.SqlTimes.utc;

import io.careflow.casefile.CaseRecords;
import io.careflow.casefile.Channel;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class OfferRepository implements CaseRecords {

  private static final String COLUMNS = "id, customer_id, contact_id, channel, text, offered_by, created_at, valid_until";

  private final JdbcClient jdbc;

  OfferRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(Offer offer) {
    jdbc.sql("insert into offer (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?)")
        .params(offer.id(), offer.customerId(), offer.contactId(),
            offer.channel() == null ? null : offer.channel().name(), offer.text(), offer.offeredBy(),
            utc(offer.createdAt()), utc(offer.validUntil()))
        .update();
  }

  /** Every offer, newest first. */
  List<Offer> ofCustomer(String customerId) {
    return jdbc.sql("select " + COLUMNS + " from offer where customer_id = ? order by created_at desc, id")
        .param(customerId).query(OfferRepository::map).list();
  }

  /** Offers still valid at {@code now}, the one ending soonest first. */
  List<Offer> openOf(String customerId, Instant now) {
    return jdbc.sql("select " + COLUMNS + " from offer where customer_id = ? and valid_until > ? "
            + "order by valid_until, id")
        .params(customerId, utc(now)).query(OfferRepository::map).list();
  }

  /** A customer merge: the offers to {@code from} now belong to {@code into}; returns how many moved. */
  int moveToCustomer(String from, String into) {
    return jdbc.sql("update offer set customer_id = :into where customer_id = :from")
        .param("into", into).param("from", from).update();
  }

  private static Offer map(ResultSet rs, int row) throws SQLException {
    String channel = rs.getString("channel");
    return new Offer(rs.getString("id"), rs.getString("customer_id"), rs.getString("contact_id"),
        channel == null ? null : Channel.valueOf(channel), rs.getString("text"), rs.getString("offered_by"),
        instant(rs, "created_at"), instant(rs, "valid_until"));
  }

  @Override
  public List<String> tables() {
    return List.of("offer");
  }

  /** Keeps the rows (they belong to the customer record) without their link to the contacts. */
  @Override
  public void forget(Collection<String> contactIds) {
    CaseRecords.detachRows(jdbc, tables(), contactIds);
  }
}
