package io.careflow.shipment;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.processInstanceQuery;

import io.careflow.communication.Message;
import io.careflow.casefile.Contact;
import io.careflow.contact.NewContact;
import io.careflow.contact.NewContact.CustomerDetails;
import io.careflow.support.ProtocolTestSupport;
import io.careflow.support.TestMail;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.beans.factory.annotation.Autowired;

/** What the shipment tests share: orders named by contacts, carrier events, their processes and messages. */
abstract class ShipmentTestSupport extends ProtocolTestSupport {

  /** Half an hour before the engine clock's Monday 10:00: when the carrier saw it. */
  static final String SEEN = "2026-11-30T09:30:00+01:00";
  static final String PATH = "/api/shipments/events";

  @Autowired
  ShipmentEventService shipments;

  @Autowired
  ShipmentEventRepository events;

  static String newOrder() {
    return "PL-2026-" + UUID.randomUUID().toString().substring(0, 8);
  }

  static String newTracking() {
    return "PX" + UUID.randomUUID().toString().replace("-", "").substring(0, 11).toUpperCase() + "PL";
  }

  /** A contact of the customer asking about the order: it names the order. */
  Contact contactNaming(String orderId, String channel, String email, String phone, String language,
      String receivedAt) {
    return intake.receive(new NewContact(channel, channel + "-" + UUID.randomUUID(), receivedAt,
        new CustomerDetails(email, phone, "Jan Kowalski", language), "Where is my parcel?",
        "When will my order arrive?", "INQUIRY", orderId, null), "intake").contact();
  }

  Contact emailContactNaming(String orderId, String email, String language) {
    return contactNaming(orderId, "EMAIL", email, null, language, null);
  }

  static Map<String, Object> event(String trackingId, String orderId, String status, String at, String expected) {
    var event = new LinkedHashMap<String, Object>();
    event.put("trackingId", trackingId);
    event.put("orderId", orderId);
    event.put("status", status);
    event.put("at", at);
    event.put("expectedDelivery", expected);
    return event;
  }

  static Map<String, Object> withCustomer(Map<String, Object> event, String email, String phone, String language) {
    var customer = new LinkedHashMap<String, Object>();
    customer.put("email", email);
    customer.put("phone", phone);
    customer.put("name", "Ewa Nowak");
    customer.put("language", language);
    event.put("customer", customer);
    return event;
  }

  /** The event as the shop's integration pushes it, through the service. */
  ShipmentEventAccepted receive(String trackingId, String orderId, String status, String expected) {
    return shipments.receive(new CarrierEvent(trackingId, orderId, status, SEEN, expected, null), "intake");
  }

  ShipmentEventAccepted receive(String trackingId, String orderId, String status, String expected,
      CustomerDetails customer) {
    return shipments.receive(new CarrierEvent(trackingId, orderId, status, SEEN, expected, customer), "intake");
  }

  ProcessInstance shipment(String eventId) {
    return processInstanceQuery().processDefinitionKey(ShipmentProcess.KEY).processInstanceBusinessKey(eventId)
        .singleResult();
  }

  long shipmentProcesses(String eventId) {
    return processEngine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(ShipmentProcess.KEY).processInstanceBusinessKey(eventId).count();
  }

  List<Message> messagesOf(String customerId) {
    return messages.ofCustomer(customerId);
  }

  static List<MimeMessage> mailsTo(String address) {
    return Arrays.stream(TestMail.SMTP.getReceivedMessages()).filter(m -> {
      try {
        return Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().equalsIgnoreCase(address));
      } catch (MessagingException e) {
        throw new IllegalStateException(e);
      }
    }).toList();
  }

  long eventsOfOrder(String orderId) {
    return jdbc.sql("select count(*) from shipment_event where order_id = ?").param(orderId).query(Long.class)
        .single();
  }
}
