package io.careflow.reporting;

import static io.careflow.support.DemoPeople.ANNA;
import static io.careflow.support.DemoPeople.BORIS;
import static io.careflow.support.DemoPeople.MARIA;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.careflow.communication.ReplyStep;
import io.careflow.casefile.Contact;
import io.careflow.followup.PlanFollowUpListener;
import io.careflow.protocol.complaint.ComplaintProcess;
import io.careflow.protocol.complaint.ComplaintProcess.Elements;
import io.careflow.sla.Deadline;
import io.careflow.sla.DeadlineService;
import io.careflow.casefile.ContactEvents;
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


  /**
   * Every entry of a routed, warned, breached and reassigned complaint, each type with its
   * actor and its words: routing's assignments are routing's (not "anna claimed" for the task
   * she was given when she finished the one before, not "maria assigned" for the reply routed
   * after her approval), the lead's reassignment is the lead's, the receipt time the channel
   * gave is there, and no text is left with a placeholder.
   */
  @Test
  void shouldNameTheRealActorAndTextOfEveryEntry() {
    clock(at("2026-11-30T10:00+01:00"));
    Http.Response pushed = http.postJson("intake", "/api/contacts", """
        {"channel": "EMAIL", "externalId": "<%s>", "receivedAt": "2026-11-30T09:52:00+01:00",
         "customer": {"email": "%s", "name": "Jan Kowalski", "language": "en"},
         "subject": "Broken kettle", "body": "The kettle broke after a week.", "topic": "COMPLAINT"}"""
        .formatted(java.util.UUID.randomUUID(), uniqueEmail("actors")));
    assertThat(pushed.status()).as(pushed.body()).isEqualTo(201);
    String id = pushed.json().get("id").asText();
    Contact routed = contacts.find(id).orElseThrow();
    ProcessInstance complaint = protocol(routed, ComplaintProcess.KEY);
    run(complaint, Elements.SERVICE_ACKNOWLEDGE_COMPLAINT);
    assertThat(task(complaint).getAssignee()).as("routing gave anna the investigation").isEqualTo("anna");

    Deadline reply = deadline(id, DeadlineService.REPLY);
    runWatcherUntil(reply, reply.warningAt().plusSeconds(60));
    runWatcherUntil(reply, reply.dueAt().plusSeconds(60));
    runDeadlineAlerts(id);
    clock(reply.dueAt().plusSeconds(10 * 60));
    Http.Response reassigned = http.postJson("maria", "/api/tasks/" + task(complaint).getId() + "/assignment",
        Map.of("assignee", "boris", "reason", "anna is on the phone all afternoon"));
    assertThat(reassigned.status()).as(reassigned.body()).isEqualTo(200);
    clock(reply.dueAt().plusSeconds(20 * 60));
    complete(complaint, "boris", BORIS, Conversation.done(Map.of(ComplaintProcess.FINDINGS, "The heating element failed.",
        ComplaintProcess.JUSTIFIED, "YES")));
    // routing gives anna the proposal while boris is signed in, and the reply while maria is
    assertThat(task(complaint).getAssignee()).isEqualTo("anna");
    clock(reply.dueAt().plusSeconds(30 * 60));
    complete(complaint, "anna", ANNA, Map.of(ComplaintProcess.RESOLUTION_TYPE, "REFUND",
        ComplaintProcess.COMPENSATION_AMOUNT, 150, ComplaintProcess.PROPOSAL, "Full refund of 150 PLN."));
    clock(reply.dueAt().plusSeconds(40 * 60));
    complete(complaint, "maria", MARIA, Map.of(ComplaintProcess.APPROVAL_DECISION, "APPROVE"));
    assertThat(task(complaint).getAssignee()).isEqualTo("anna");
    clock(reply.dueAt().plusSeconds(50 * 60));
    complete(complaint, "anna", ANNA, Conversation.done(Map.of(ReplyStep.REPLY_TEXT, "Your refund of 150 PLN is on its way.",
        PlanFollowUpListener.TYPE, "NONE")));
    run(complaint, Elements.SERVICE_SEND_REPLY);

    JsonNode timeline = http.get("maria", "/api/contacts/" + id + "/timeline?all=true").json();

    // by default the path through the engine's elements is left out, the rest kept in its order
    JsonNode shown = http.get("maria", "/api/contacts/" + id + "/timeline").json();
    List<String> withoutInternal = new ArrayList<>();
    timeline.forEach(e -> {
      if (!TimelineService.ENGINE_INTERNAL.contains(e.get("type").asText())) {
        withoutInternal.add(e.toString());
      }
    });
    List<String> defaults = new ArrayList<>();
    shown.forEach(e -> defaults.add(e.toString()));
    assertThat(defaults).isEqualTo(withoutInternal).hasSizeLessThan(timeline.size());
    // kinds: only the steps asked for, engine-internal ones too when named
    JsonNode completed = http.get("maria", "/api/contacts/" + id + "/timeline?kinds=TASK_COMPLETED,"
        + EngineHistory.ACTIVITY_PASSED).json();
    assertThat(completed).extracting(e -> e.get("type").asText()).contains(EngineHistory.TASK_COMPLETED,
        EngineHistory.ACTIVITY_PASSED).allMatch(t -> t.equals(EngineHistory.TASK_COMPLETED)
            || t.equals(EngineHistory.ACTIVITY_PASSED));
    Http.Response bad = http.get("maria", "/api/contacts/" + id + "/timeline?kinds=no%20such&all=maybe");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body()).contains("kinds").contains("\"all\"");

    String email = routed.customerEmail();
    String step = "\\[(contact|complaint|deadline-watch)\\] \\S.*";
    Map<String, List<List<String>>> expected = new java.util.LinkedHashMap<>();
    expected.put(TimelineService.CHANNEL_RECEIVED,
        List.of(List.of("customer", "EMAIL: the customer's message reached the channel at 2026-11-30 09:52")));
    expected.put("CONTACT_RECEIVED", List.of(List.of("intake", "EMAIL: Broken kettle")));
    expected.put(DeadlineService.STARTED, List.of(List.of("system", "reply: PT6H of working time, due 2026-11-30 "
        + "15:52, warning at 2026-11-30 14:22 \\(sla-policy rule_written: .+\\)")));
    expected.put("CLASSIFIED", List.of(List.of("system", "topic COMPLAINT, protocol complaint, team team-complaints")));
    expected.put("ROUTED", List.of(
        List.of("system", "(Investigate complaint|Propose resolution|Reply to the customer) → anna: least loaded: "
            + "\\d+ open tasks? \\(team-complaints; skills: lang-en\\)"),
        List.of("system", "Approve compensation → team queue: .+ \\(team-leads; skills: lang-en\\)")));
    expected.put("MESSAGE_SENT", List.of(List.of("system", "notice e-mailed to " + email),
        List.of("anna", "answer e-mailed to " + email)));
    expected.put(EngineHistory.ACTIVITY_PASSED, List.of(List.of("system", step)));
    expected.put(EngineHistory.ACTIVITY_ENTERED, List.of(List.of("system", step)));
    expected.put(EngineHistory.ACTIVITY_LEFT, List.of(List.of("system", step)));
    expected.put(EngineHistory.TIMER_FIRED, List.of(List.of("system", "\\[deadline-watch\\] (Warning point|Deadline)")));
    expected.put(EngineHistory.TASK_CREATED, List.of(List.of("system", "(Investigate complaint|Propose resolution|"
        + "Approve compensation|Reply to the customer) \\[complaint\\] — offered to (team-complaints|team-leads|team-complaints, team-leads), "
        + "due 2026-11-30 15:52")));
    expected.put(DeadlineService.WARNED, List.of(List.of("system", "reply: priority raised, told anna")));
    expected.put(DeadlineService.BREACHED, List.of(List.of("system", "reply: offered to team leads, told maria")));
    expected.put(EngineHistory.TASK_OFFERED,
        List.of(List.of("system", "Investigate complaint \\[complaint\\] offered to team-leads")));
    expected.put("REASSIGNED",
        List.of(List.of("maria", "Investigate complaint: anna → boris: anna is on the phone all afternoon")));
    expected.put(EngineHistory.TASK_COMPLETED, List.of(
        List.of("boris", "Boris Ivanov completed Investigate complaint \\[complaint\\]"),
        List.of("anna", "Anna Nowak completed (Propose resolution|Reply to the customer) \\[complaint\\]"),
        List.of("maria", "Maria Wiśniewska completed Approve compensation \\[complaint\\]")));
    expected.put(ContactEvents.TASK_CHECKLIST, List.of(
        List.of("boris", "Conversation algorithm on \"Investigate complaint\": Listened to the customer to the end: DONE; .+"),
        List.of("anna", "Conversation algorithm on \"Reply to the customer\": Listened to the customer to the end: DONE; .+")));
    expected.put(io.careflow.contact.TaskFormStepListener.STEP_DONE, List.of(
        List.of("boris", "Investigate complaint: What you found: The heating element failed\\.; "
            + "Is the complaint justified\\?: YES"),
        List.of("anna", "(Propose resolution|Reply to the customer): .+"),
        List.of("maria", "Approve compensation: Decision: APPROVE")));
    expected.put("OUTCOME", List.of(List.of("system", "COMPLAINT_JUSTIFIED")));
    expected.put("REPLY_RECORDED", List.of(List.of("anna", "answer written, 37 characters")));
    expected.put("FOLLOW_UP_PLANNED", List.of(List.of("anna", "no follow-up needed"),
        List.of("system", "survey on 2026-11-30 17:42")));
    expected.put(DeadlineService.MISSED, List.of(List.of("system", "reply: done 2026-11-30 16:42, due 2026-11-30 15:52")));
    expected.put("RESOLVED", List.of(List.of("system", "protocol complaint ended")));

    List<String> types = new ArrayList<>();
    timeline.forEach(e -> {
      String type = e.get("type").asText();
      String actor = e.get("actor").asText();
      String detail = e.get("detail").asText();
      types.add(type);
      assertThat(detail).as("%s by %s", type, actor).doesNotContain("%s", "%d", "{0}", "${", "null");
      assertThat(expected).as("an entry type this test names: %s", e).containsKey(type);
      assertThat(expected.get(type)).as("%s", e)
          .anySatisfy(row -> {
            assertThat(actor).isEqualTo(row.get(0));
            assertThat(detail).matches(row.get(1));
          });
    });
    assertThat(types).as("every entry type of the case is there").containsAll(expected.keySet());
    // who placed each task: routing, four times, and the lead once; no engine step credits the signed-in user
    assertThat(types).filteredOn("ROUTED"::equals).hasSize(4);
    assertThat(types).doesNotContain(EngineHistory.TASK_CLAIMED, EngineHistory.TASK_ASSIGNED,
        EngineHistory.TASK_REASSIGNED);
    assertThat(timeline).filteredOn(e -> e.get("type").asText().equals(EngineHistory.TASK_COMPLETED))
        .extracting(e -> e.get("actor").asText()).containsExactly("boris", "anna", "maria", "anna");
    assertThat(OffsetDateTime.parse(entry(timeline, "REASSIGNED").get("at").asText()).toInstant())
        .isEqualTo(reply.dueAt().plusSeconds(10 * 60));
    assertThat(timeline.get(0).get("type").asText()).isEqualTo(TimelineService.CHANNEL_RECEIVED);
    assertThat(timeline.get(0).get("at").asText()).isEqualTo("2026-11-30T09:52:00+01:00");
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
    assertThat(csv.header("Content-Type")).containsIgnoringCase("charset=UTF-8");
    List<String> lines = csv.body().lines().toList();
    // a byte order mark first, so that spreadsheets read it as UTF-8; times as the shop reads them
    assertThat(lines.get(0)).isEqualTo("\uFEFFat,type,actor,detail");
    assertThat(lines.get(1)).startsWith("2026-11-30 10:00:00,CHANNEL_RECEIVED,customer,");
    assertThat(lines.get(2)).startsWith("2026-11-30 10:00:00,CONTACT_RECEIVED,intake,");
    assertThat(lines).noneMatch(line -> line.contains(",ACTIVITY_"));
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
