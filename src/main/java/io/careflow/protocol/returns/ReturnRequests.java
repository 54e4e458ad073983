package io.careflow.protocol.returns;

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
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Returns as data (SPEC R3: reasons are collected for analysis): the customer's form, the
 * inspection and the decision, in {@code return_request}, not only as process variables.
 */
@Service
public class ReturnRequests implements CaseRecords {

  private final JdbcClient jdbc;
  private final NamedParameterJdbcTemplate batches;
  private final ContactEvents events;
  private final PublicLinks links;
  private final RuntimeService runtimeService;
  private final Clock clock;
  private final CustomerFiles files;

  public ReturnRequests(JdbcClient jdbc, NamedParameterJdbcTemplate batches, ContactEvents events, PublicLinks links,
      RuntimeService runtimeService, Clock clock, CustomerFiles files) {
    this.files = files;
    this.jdbc = jdbc;
    this.batches = batches;
    this.events = events;
    this.links = links;
    this.runtimeService = runtimeService;
    this.clock = clock;
  }

  public record Return(String id, String contactId, ReturnReason reason, String comment, Instant submittedAt,
      String decision) {

    public String summary() {
      return "Reason: " + reason.label("en") + (comment == null ? "" : "\nComment: " + comment);
    }
  }

  /**
   * The customer's return form: stored with its reason, the link spent, and the case waiting
   * for the form resumes. One transaction: a refused link stores nothing.
   */
  public Return submit(Link link, ReturnReason reason, String comment) {
    return submit(link, reason, comment, List.of()).submitted();
  }

  /** The form as sent, and the customer's files it could not take. */
  public record Submitted(Return submitted, List<CustomerFiles.Refused> refusedFiles) {}

  /**
   * The form with the customer's files: kept with it in the same transaction (a file over the cap
   * or of a type not allowed is kept out with why, and the customer told), before the case moves
   * on, so the next step shows them.
   */
  @Transactional
  public Submitted submit(Link link, ReturnReason reason, String comment, List<IncomingFile> uploads) {
    links.use(link);
    String id = UUID.randomUUID().toString();
    jdbc.sql("insert into return_request (id, contact_id, reason, comment, submitted_at) values (?, ?, ?, ?, ?)")
        .params(id, link.contactId(), reason.name(), comment, utc(clock.instant())).update();
    events.record(link.contactId(), "RETURN_FORM_SUBMITTED", "customer", "reason " + reason.name());
    List<CustomerFiles.Refused> refused = files.storeFromWebForm(link.contactId(), uploads);
    Return submitted = find(link.contactId()).orElseThrow();
    runtimeService.createMessageCorrelation(ReturnProcess.MESSAGE_RETURN_FORM_SUBMITTED)
        .processInstanceBusinessKey(link.contactId())
        .setVariables(Variables.createVariables().putValue(ReturnProcess.RETURN_SUMMARY, submitted.summary()))
        .correlateWithResult();
    return new Submitted(submitted, refused);
  }

  /**
   * Writes requests of the past as one JDBC batch, in the caller's transaction: the form as sent
   * (not yet decided: no decision is written), no link spent, no process told.
   */
  public void insertAll(List<Return> returns) {
    batches.batchUpdate("""
            insert into return_request (id, contact_id, reason, comment, submitted_at)
            values (:id, :contactId, :reason, :comment, :submittedAt)""",
        returns.stream().map(r -> new MapSqlParameterSource().addValue("id", r.id())
            .addValue("contactId", r.contactId()).addValue("reason", r.reason().name())
            .addValue("comment", r.comment()).addValue("submittedAt", utc(r.submittedAt())))
            .toArray(SqlParameterSource[]::new));
  }

  @Transactional
  public void decide(String contactId, String inspection, String decision, String by) {
    jdbc.sql("update return_request set inspection = ?, decision = ?, decided_by = ?, decided_at = ? "
            + "where contact_id = ? and decision is null")
        .params(inspection, decision, by, utc(clock.instant()), contactId).update();
    events.record(contactId, "RETURN_DECIDED", by, decision + " (item " + inspection.toLowerCase() + ")");
  }

  public Optional<Return> find(String contactId) {
    return jdbc.sql("select * from return_request where contact_id = ? order by submitted_at desc "
            + "fetch first 1 rows only").param(contactId)
        .query((rs, n) -> new Return(rs.getString("id"), rs.getString("contact_id"),
            ReturnReason.valueOf(rs.getString("reason")), rs.getString("comment"), instant(rs, "submitted_at"),
            rs.getString("decision")))
        .optional();
  }

  @Override
  public List<String> tables() {
    return List.of("return_request");
  }

  @Override
  public void forget(Collection<String> contactIds) {
    CaseRecords.deleteRows(jdbc, tables(), contactIds);
  }
}
