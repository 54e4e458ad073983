package io.careflow.protocol.defect;

import static io.careflow.system.SqlTimes.instant;
import static io.careflow.system.SqlTimes.utc;

import io.careflow.casefile.CaseRecords;
import io.careflow.casefile.ContactEvents;
import io.careflow.files.CustomerFiles;
import io.careflow.files.IncomingFile;
import io.careflow.publicpages.PublicLinks;
import io.careflow.publicpages.PublicLinks.Link;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A defect replacement from the request to the shipment: registered by the agent or by the
 * customer through their link, reviewed, shipped — each step stored and on the contact's record.
 */
@Service
public class ReplacementRequests implements CaseRecords {

  private final JdbcClient jdbc;
  private final ContactEvents events;
  private final PublicLinks links;
  private final RuntimeService runtimeService;
  private final Clock clock;
  private final CustomerFiles files;

  public ReplacementRequests(JdbcClient jdbc, ContactEvents events, PublicLinks links, RuntimeService runtimeService,
      Clock clock, CustomerFiles files) {
    this.files = files;
    this.jdbc = jdbc;
    this.events = events;
    this.links = links;
    this.runtimeService = runtimeService;
    this.clock = clock;
  }

  public record Request(String id, String contactId, String registeredBy, String productSku, String orderId,
      String fault, Instant registeredAt, String decision, String decisionReason, String trackingNumber) {

    /** What the review and the specialist's forms show. */
    public String summary() {
      return "Product: " + given(productSku) + " · order: " + given(orderId)
          + "\nRegistered by " + ("customer".equals(registeredBy) ? "the customer" : registeredBy)
          + "\nFault: " + fault
          + (decision == null ? "" : "\nDecision: " + decision + (decisionReason == null ? "" : " — " + decisionReason));
    }

    /** A form leaves an empty field as "": the summary never reads "Product:  · order: ". */
    private static String given(String value) {
      return value == null || value.isBlank() ? "not given" : value.strip();
    }
  }

  @Transactional
  public Request register(String contactId, String by, String productSku, String orderId, String fault) {
    String id = UUID.randomUUID().toString();
    jdbc.sql("insert into replacement_request (id, contact_id, registered_by, product_sku, order_id, fault, "
            + "registered_at) values (?, ?, ?, ?, ?, ?, ?)")
        .params(id, contactId, by, productSku, orderId, fault, utc(clock.instant())).update();
    events.record(contactId, "REPLACEMENT_REQUESTED", by, "replacement requested: " + fault);
    return find(contactId).orElseThrow();
  }

  /**
   * The customer's own request through their link: stored, the link spent, and the case
   * waiting for it resumes. One transaction: a refused link stores nothing.
   */
  @Transactional
  public Request submitByCustomer(Link link, String productSku, String orderId, String fault) {
    return submitByCustomer(link, productSku, orderId, fault, List.of()).request();
  }

  /** The request as sent, and the customer's files it could not take. */
  public record Submitted(Request request, List<CustomerFiles.Refused> refusedFiles) {}

  /**
   * The customer's request with their files (a photo of the fault): kept in the same transaction,
   * before the case moves on, so the review shows them; a file careflow does not take is kept out
   * with why and the customer told.
   */
  @Transactional
  public Submitted submitByCustomer(Link link, String productSku, String orderId, String fault,
      List<IncomingFile> uploads) {
    links.use(link);
    Request request = register(link.contactId(), "customer", productSku, orderId, fault);
    List<CustomerFiles.Refused> refused = files.storeFromWebForm(link.contactId(), uploads);
    runtimeService.createMessageCorrelation(DefectReplacementProcess.MESSAGE_REPLACEMENT_REQUESTED)
        .processInstanceBusinessKey(link.contactId())
        .setVariables(Variables.createVariables()
            .putValue(DefectReplacementProcess.REQUEST_SUMMARY, request.summary()))
        .correlateWithResult();
    return new Submitted(request, refused);
  }

  @Transactional
  public void decide(String contactId, String decision, String reason, String by) {
    jdbc.sql("update replacement_request set decision = ?, decision_reason = ?, decided_by = ?, decided_at = ? "
            + "where contact_id = ? and decision is null")
        .params(decision, reason, by, utc(clock.instant()), contactId).update();
    events.record(contactId, "REPLACEMENT_REVIEWED", by, decision + (reason == null ? "" : ": " + reason));
  }

  @Transactional
  public void ship(String contactId, String trackingNumber, String by) {
    jdbc.sql("update replacement_request set tracking_number = ?, shipped_at = ? where contact_id = ?")
        .params(trackingNumber, utc(clock.instant()), contactId).update();
    events.record(contactId, "REPLACEMENT_SHIPPED", by, "tracking number " + trackingNumber);
  }

  public Optional<Request> find(String contactId) {
    return jdbc.sql("select * from replacement_request where contact_id = ? order by registered_at desc "
            + "fetch first 1 rows only").param(contactId)
        .query((rs, n) -> new Request(rs.getString("id"), rs.getString("contact_id"), rs.getString("registered_by"),
            rs.getString("product_sku"), rs.getString("order_id"), rs.getString("fault"),
            instant(rs, "registered_at"), rs.getString("decision"), rs.getString("decision_reason"),
            rs.getString("tracking_number")))
        .optional();
  }

  @Override
  public List<String> tables() {
    return List.of("replacement_request");
  }

  @Override
  public void forget(Collection<String> contactIds) {
    CaseRecords.deleteRows(jdbc, tables(), contactIds);
  }
}
