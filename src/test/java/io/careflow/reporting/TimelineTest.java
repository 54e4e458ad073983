package io.careflow.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.careflow.contact.Contact;
import io.careflow.protocol.complaint.ComplaintProcess;
import io.careflow.protocol.complaint.ComplaintProcess.Elements;
import io.careflow.sla.Deadline;
import io.careflow.sla.DeadlineService;
import io.careflow.support.Conversation;
import io.careflow.support.Http;
import io.careflow.support.ProtocolTestSupport;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The audit timeline of a complaint that went wrong: anna claims it, the deadline passes
 * (breach: offered to the team leads), an administrator hands it to boris, the customer
 * writes again, boris goes on. Every step is there, in order, with who did it.
 */
class TimelineTest extends ProtocolTestSupport {

  static final List<String> BORIS = List.of("agents", "team-replacements", "team-inquiries");

  Contact contact;
  ProcessInstance pi;

  @BeforeEach
  void complaintThatGoesWrong() {
    contact = intake.receive(emailContact(uniqueEmail("timeline"), "COMPLAINT", "Broken and late",
        "The parcel came late and the kettle is broken."), "intake").contact();
    pi = protocol(contact, ComplaintProcess.KEY);
    clock(at("2026-11-30T10:05+01:00"));
    run(pi, Elements.SERVICE_ACKNOWLEDGE_COMPLAINT);
  }

  @Test
  void shouldShowBreachReassignmentAndCustomerReplyInOrderWithTheirActors() {
    // routing placed the task (with an agent or in the queue); back in the queue, anna claims it
    processEngine.getTaskService().setAssignee(task(pi).getId(), null);
    assertThat(engineRest("anna", "/task/" + task(pi).getId() + "/claim", "{\"userId\": \"anna\"}")).isEqualTo(204);
    Deadline reply = deadline(contact.id(), DeadlineService.REPLY);
    runWatcherUntil(reply, reply.warningAt().plusSeconds(60));
    runWatcherUntil(reply, reply.dueAt().plusSeconds(60));
    clock(reply.dueAt().plusSeconds(29 * 60));
    assertThat(engineRest("demo", "/task/" + task(pi).getId() + "/assignee", "{\"userId\": \"boris\"}"))
        .isEqualTo(204);
    clock(reply.dueAt().plusSeconds(44 * 60));
    assertThat(http.postJson("intake", "/api/contacts/" + contact.id() + "/messages",
        "{\"body\": \"Any news about my kettle?\"}").status()).isEqualTo(202);
    clock(reply.escalationAt().minusSeconds(60));
    complete(pi, "boris", BORIS, Conversation.done(Map.of(ComplaintProcess.FINDINGS, "Courier dropped it.",
        ComplaintProcess.JUSTIFIED, "YES")));

    JsonNode timeline = http.get("maria", "/api/contacts/" + contact.id() + "/timeline").json();

    List<String> steps = new ArrayList<>();
    timeline.forEach(e -> steps.add(e.get("type").asText() + " by " + e.get("actor").asText()));
    assertThat(steps).containsSubsequence(
        "CONTACT_RECEIVED by intake",
        DeadlineService.STARTED + " by system",
        "CLASSIFIED by system",
        "ROUTED by system",
        // the acknowledgement goes out alongside the investigation: its task exists first
        EngineHistory.TASK_CREATED + " by system",
        "MESSAGE_SENT by system",
        EngineHistory.TASK_CLAIMED + " by anna",
        DeadlineService.WARNED + " by system",
        EngineHistory.TIMER_FIRED + " by system",
        DeadlineService.BREACHED + " by system",
        EngineHistory.TASK_OFFERED + " by system",
        EngineHistory.TASK_REASSIGNED + " by demo",
        "MESSAGE_RECEIVED by customer",
        EngineHistory.TASK_COMPLETED + " by boris",
        EngineHistory.TASK_CREATED + " by system");
    assertThat(entry(timeline, EngineHistory.TASK_REASSIGNED).get("detail").asText())
        .isEqualTo("Investigate complaint [complaint] reassigned from Anna Nowak to Boris Ivanov");
    assertThat(OffsetDateTime.parse(entry(timeline, EngineHistory.TASK_REASSIGNED).get("at").asText()).toInstant())
        .isEqualTo(reply.dueAt().plusSeconds(29 * 60));
    assertThat(OffsetDateTime.parse(entry(timeline, DeadlineService.BREACHED).get("at").asText()).toInstant())
        .isEqualTo(reply.dueAt().plusSeconds(60));
    // which deadline applied: the target, the points and the row of sla-policy.dmn
    assertThat(entry(timeline, DeadlineService.STARTED).get("detail").asText())
        .startsWith("reply: " + reply.target() + " of working time, due ").endsWith("(" + reply.policy() + ")");
    assertThat(entry(timeline, EngineHistory.TASK_OFFERED).get("detail").asText()).endsWith("offered to team-leads");
    assertThat(entry(timeline, "MESSAGE_RECEIVED").get("detail").asText())
        .isEqualTo("customer wrote, kept on the case for the agent (entered by intake)");
    assertThat(entry(timeline, EngineHistory.TASK_COMPLETED).get("detail").asText())
        .isEqualTo("Boris Ivanov completed Investigate complaint [complaint]");
    assertThat(timeline).extracting(e -> e.get("at").asText()).isSorted();
  }

  @Test
  void shouldLetOnlyManagersAndTheAgentsOfTheCaseReadIt() {
    String path = "/api/contacts/" + contact.id() + "/timeline";
    assertThat(http.get("maria", path).status()).isEqualTo(200);
    assertThat(http.get("demo", path).status()).isEqualTo(200);
    // anna's team is offered the case's tasks; boris's teams are not
    assertThat(http.get("anna", path).status()).isEqualTo(200);
    assertThat(http.get("boris", path).status()).isEqualTo(403);
    assertThat(http.get("intake", path).status()).isEqualTo(403);
    assertThat(http.get(null, path).status()).isEqualTo(401);

    processEngine.getTaskService().setAssignee(task(pi).getId(), "boris");
    assertThat(http.get("boris", path).status()).as("boris holds a task of the case now").isEqualTo(200);
    assertThat(http.get("maria", "/api/contacts/no-such-contact/timeline").status()).isEqualTo(404);
    assertThat(http.get("anna", "/api/contacts/no-such-contact/timeline").status()).isEqualTo(403);
  }

  @Test
  void shouldExportTheTimelineAsCsv() {
    Http.Response csv = http.get("maria", "/api/contacts/" + contact.id() + "/timeline.csv");

    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.header("Content-Type")).startsWith("text/csv");
    assertThat(csv.header("Content-Disposition")).contains("timeline-" + contact.id() + ".csv");
    List<String> lines = csv.body().lines().toList();
    assertThat(lines.get(0)).isEqualTo("at,type,actor,detail");
    assertThat(lines.get(1)).startsWith("2026-11-30T10:00+01:00,CONTACT_RECEIVED,intake,");
    assertThat(lines).anyMatch(line -> line.contains(",SLA_STARTED,system,\"reply: ") && line.contains(" of working time, due"));
  }

  private int engineRest(String user, String path, String json) {
    return new Http(baseUrl()).postJson(user, "/engine-rest" + path, json).status();
  }

  private static JsonNode entry(JsonNode timeline, String type) {
    for (JsonNode e : timeline) {
      if (e.get("type").asText().equals(type)) {
        return e;
      }
    }
    throw new AssertionError("No " + type + " in " + timeline);
  }
}
