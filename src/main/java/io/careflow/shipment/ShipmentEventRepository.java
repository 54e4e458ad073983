package io.careflow.shipment;

import static io.careflow.system.SqlTimes.instant;
import static io.careflow.system.SqlTimes.utc;

import io.careflow.system.NotFoundException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Carrier events ({@code shipment_event}) and the orders they name ({@code customer_order}). */
@Repository
public class ShipmentEventRepository {

  private final JdbcClient jdbc;

  public ShipmentEventRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(ShipmentEvent e) {
    jdbc.sql("""
            insert into shipment_event (id, tracking_id, order_id, status, occurred_at, expected_delivery, customer_id,
                                        customer_email, customer_phone, received_at, received_by)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(e.id(), e.trackingId(), e.orderId(), e.status().name(), utc(e.occurredAt()),
            utc(e.expectedDelivery()), e.customerId(), e.customerEmail(), e.customerPhone(), utc(e.receivedAt()),
            e.receivedBy())
        .update();
  }

  void setProcessInstance(String id, String processInstanceId) {
    jdbc.sql("update shipment_event set process_instance_id = ? where id = ?").params(processInstanceId, id).update();
  }

  public Optional<ShipmentEvent> find(String id) {
    return jdbc.sql("select * from shipment_event where id = ?").param(id)
        .query(ShipmentEventRepository::map).optional();
  }

  public ShipmentEvent get(String id) {
    return find(id).orElseThrow(() -> new NotFoundException("No shipment event " + id));
  }

  /** The event with this identity (the same event twice is stored once). */
  Optional<ShipmentEvent> find(String trackingId, ShipmentStatus status, Instant occurredAt) {
    return jdbc.sql("select * from shipment_event where tracking_id = ? and status = ? and occurred_at = ?")
        .params(trackingId, status.name(), utc(occurredAt))
        .query(ShipmentEventRepository::map).optional();
  }

  public List<ShipmentEvent> ofOrder(String orderId) {
    return jdbc.sql("select * from shipment_event where order_id = ? order by received_at, occurred_at")
        .param(orderId).query(ShipmentEventRepository::map).list();
  }

  /** The customer an earlier event linked the order to, if any (may be a customer merged away since). */
  Optional<String> linkedCustomer(String orderId) {
    return jdbc.sql("select customer_id from customer_order where order_id = ?").param(orderId)
        .query(String.class).optional();
  }

  /**
   * Links the order to the customer; a link of an earlier event is replaced (the newest event
   * carrying a customer wins). Two first links at once: the second insert fails on the primary
   * key and its intake is retried, then updating.
   */
  void link(String orderId, String customerId, Instant at) {
    int updated = jdbc.sql("update customer_order set customer_id = ?, linked_at = ? where order_id = ?")
        .params(customerId, utc(at), orderId).update();
    if (updated == 0) {
      jdbc.sql("insert into customer_order (order_id, customer_id, linked_at) values (?, ?, ?)")
          .params(orderId, customerId, utc(at)).update();
    }
  }

  /** A customer merge: the orders of {@code from}, and the carrier events naming them, now belong to {@code into}. */
  void moveToCustomer(String from, String into) {
    jdbc.sql("update customer_order set customer_id = :into where customer_id = :from")
        .param("into", into).param("from", from).update();
    jdbc.sql("update shipment_event set customer_id = :into where customer_id = :from")
        .param("into", into).param("from", from).update();
  }

  private static ShipmentEvent map(ResultSet rs, int row) throws SQLException {
    return new ShipmentEvent(rs.getString("id"), rs.getString("tracking_id"), rs.getString("order_id"),
        ShipmentStatus.valueOf(rs.getString("status")), instant(rs, "occurred_at"),
        instant(rs, "expected_delivery"), rs.getString("customer_id"), rs.getString("customer_email"),
        rs.getString("customer_phone"), instant(rs, "received_at"), rs.getString("received_by"),
        rs.getString("process_instance_id"));
  }
}
