package io.careflow.routing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.careflow.casefile.Contact;
import io.careflow.casefile.ContactEvents;
import io.careflow.contact.NewContact;
import io.careflow.contact.NewContact.CustomerDetails;
import io.careflow.routing.Routing.Cause;
import io.careflow.routing.Routing.Method;
import io.careflow.routing.RoutingDecisionRepository.Decision;
import io.careflow.support.CareflowIntegrationTest;
import io.careflow.support.Http;
import io.careflow.system.Groups;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code /api/agents} and {@code /api/tasks/{taskId}/assignment}: an agent reads and sets their
 * own profile, team leads anyone's and reassign tasks with a reason, managers read; who may not
 * gets 401 / 403, bad input 400 naming every bad field, unknown ids 404, an away agent 409.
 * Profiles are changed on agents the test creates, never on anna and boris.
 */
class AgentApiTest extends CareflowIntegrationTest {

  @Autowired
  IdentityService identityService;
  @Autowired
  TaskService taskService;
  @Autowired
  RoutingDecisionRepository decisions;
  @Autowired
  ContactEvents events;

  Http http;
  TestAgents agents;

  @BeforeEach
  void setUp() {
    http = new Http(baseUrl());
    agents = new TestAgents(identityService, jdbc);
  }

  @AfterEach
  void removeAgents() {
    agents.removeAll();
  }

  // --- reading profiles

  @Test
  void shouldShowAnAgentTheirOwnProfile() {
    Http.Response response = http.get("anna", "/api/agents/anna");

    assertThat(response.status()).as(response.body()).isEqualTo(200);
    JsonNode anna = response.json();
    assertThat(anna.get("id").asText()).isEqualTo("anna");
    assertThat(anna.get("name").asText()).isEqualTo("Anna Nowak");
    assertThat(anna.get("availability").asText()).isEqualTo("AVAILABLE");
    // nobody set her capacities: the configured defaults (application-test.yaml)
    assertThat(anna.get("maxOpenTasks").asInt()).isEqualTo(100000);
    assertThat(anna.get("maxOpenChats").asInt()).isEqualTo(100000);
    assertThat(anna.get("openTasks").asInt()).isNotNegative();
    assertThat(texts(anna.get("teams"))).containsExactly(Groups.TEAM_COMPLAINTS, Groups.TEAM_RETURNS);
    assertThat(texts(anna.get("skills"))).containsExactly(Groups.CHANNEL_CHAT, Groups.LANG_EN, Groups.LANG_PL,
        Groups.PRODUCT_FASHION);
    assertThat(anna.get("updatedBy").isNull()).isTrue();
  }

  @Test
  void shouldCountOpenTasksAndChatsApart() {
    String ola = agents.create("ola", List.of(Groups.AGENTS, Groups.TEAM_INQUIRIES));
    for (String channel : List.of("EMAIL", "EMAIL", "CHAT")) {
      taskService.setAssignee(task(contact(channel)).getId(), ola);
    }

    JsonNode profile = http.get("maria", "/api/agents/" + ola).json();

    assertThat(profile.get("openTasks").asInt()).isEqualTo(2);
    assertThat(profile.get("openChats").asInt()).isEqualTo(1);
    assertThat(texts(profile.get("teams"))).containsExactly(Groups.TEAM_INQUIRIES);
  }

  @Test
  void shouldLetTeamLeadsAndManagersReadAnyoneAndAgentsOnlyThemselves() {
    assertThat(http.get("maria", "/api/agents/boris").status()).isEqualTo(200);
    assertThat(http.get("demo", "/api/agents/boris").status()).isEqualTo(200);
    Http.Response other = http.get("anna", "/api/agents/boris");
    assertThat(other.status()).isEqualTo(403);
    assertThat(other.header("Content-Type")).startsWith("application/problem+json");
  }

  @Test
  void shouldListTheAgentsForLeadsAndManagers() {
    Http.Response all = http.get("maria", "/api/agents");
    assertThat(all.status()).isEqualTo(200);
    assertThat(ids(all.json())).contains("anna", "boris", "maria").doesNotContain("intake", "demo");

    assertThat(ids(http.get("maria", "/api/agents?group=lang-ru").json())).containsExactly("boris");
    assertThat(http.get("anna", "/api/agents").status()).isEqualTo(403);
    Http.Response unknownGroup = http.get("maria", "/api/agents?group=team-astronauts");
    assertThat(unknownGroup.status()).isEqualTo(400);
    assertThat(fields(unknownGroup)).containsExactly("group");
  }

  @Test
  void shouldAnswerAnUnknownAgentWith404() {
    for (Http.Response response : List.of(
        http.get("maria", "/api/agents/nobody-at-all"),
        // a user, but no agent
        http.get("maria", "/api/agents/intake"),
        http.putJson("maria", "/api/agents/nobody-at-all", "{\"availability\": \"AWAY\"}"))) {
      assertThat(response.status()).as(response.body()).isEqualTo(404);
      assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    }
  }

  // --- changing profiles

  @Test
  void shouldLetAnAgentSetTheirOwnAvailabilityAndCapacity() {
    String ola = agents.create("ola", List.of(Groups.AGENTS, Groups.TEAM_INQUIRIES));

    Http.Response away = http.putJson(ola, "/api/agents/" + ola,
        "{\"availability\": \"AWAY\", \"maxOpenTasks\": 6, \"maxOpenChats\": 2}");

    assertThat(away.status()).as(away.body()).isEqualTo(200);
    assertThat(away.json().get("availability").asText()).isEqualTo("AWAY");
    assertThat(away.json().get("maxOpenTasks").asInt()).isEqualTo(6);
    assertThat(away.json().get("maxOpenChats").asInt()).isEqualTo(2);
    assertThat(away.json().get("updatedBy").asText()).isEqualTo(ola);
    assertThat(away.json().get("updatedAt").asText()).isNotBlank();

    // what is left out stays
    JsonNode back = http.putJson(ola, "/api/agents/" + ola, "{\"availability\": \"AVAILABLE\"}").json();
    assertThat(back.get("availability").asText()).isEqualTo("AVAILABLE");
    assertThat(back.get("maxOpenTasks").asInt()).isEqualTo(6);
    assertThat(http.get(ola, "/api/agents/" + ola).json().get("maxOpenChats").asInt()).isEqualTo(2);
  }

  @Test
  void shouldLetATeamLeadChangeAnyAgentAndNoAgentAnother() {
    String ola = agents.create("ola", List.of(Groups.AGENTS, Groups.TEAM_INQUIRIES));
    String piotr = agents.create("piotr", List.of(Groups.AGENTS, Groups.TEAM_INQUIRIES));

    Http.Response byColleague = http.putJson(piotr, "/api/agents/" + ola, "{\"availability\": \"AWAY\"}");
    assertThat(byColleague.status()).isEqualTo(403);
    assertThat(byColleague.header("Content-Type")).startsWith("application/problem+json");
    assertThat(http.putJson("intake", "/api/agents/" + ola, "{\"availability\": \"AWAY\"}").status())
        .isEqualTo(403);
    assertThat(http.putJson(null, "/api/agents/" + ola, "{\"availability\": \"AWAY\"}").status()).isEqualTo(401);
    assertThat(http.get("maria", "/api/agents/" + ola).json().get("availability").asText()).isEqualTo("AVAILABLE");

    Http.Response byLead = http.putJson("maria", "/api/agents/" + ola, "{\"maxOpenTasks\": 12}");
    assertThat(byLead.status()).isEqualTo(200);
    assertThat(byLead.json().get("maxOpenTasks").asInt()).isEqualTo(12);
    assertThat(byLead.json().get("updatedBy").asText()).isEqualTo("maria");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      every field wrong         | {"availability": "SLEEPING", "maxOpenTasks": -1, "maxOpenChats": 11} | availability maxOpenChats maxOpenTasks
      too many tasks            | {"maxOpenTasks": 101}                                                | maxOpenTasks
      nothing to change         | {}                                                                   | body
      availability in lowercase | {"availability": "away"}                                             | availability
      a number as text          | {"maxOpenTasks": "ten"}                                              | maxOpenTasks
      not JSON                  | {availability: AWAY                                                  | body
      """)
  void shouldRefuseABadProfileChangeNamingEveryBadField(String what, String json, String badFields) {
    String ola = agents.create("ola", List.of(Groups.AGENTS, Groups.TEAM_INQUIRIES));

    Http.Response response = http.putJson(ola, "/api/agents/" + ola, json);

    assertThat(response.status()).as(what).isEqualTo(400);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    assertThat(fields(response)).as(response.body()).containsExactly(badFields.split(" "));
    assertThat(jdbc.sql("select count(*) from agent_profile where user_id = ?").param(ola).query(Long.class)
        .single()).isZero();
  }

  @Test
  void shouldRefuseAProfileChangeWithoutBody() {
    String ola = agents.create("ola", List.of(Groups.AGENTS));
    Http.Response response = http.putJson(ola, "/api/agents/" + ola, "");
    assertThat(response.status()).isEqualTo(400);
    assertThat(fields(response)).containsExactly("body");
  }

  // --- a lead reassigns a task

  @Test
  void shouldLetATeamLeadReassignATaskWithAReasonThatIsKept() {
    // not of the inquiries team: a lead may give a task to whoever she sees fit
    String ola = agents.create("ola", List.of(Groups.AGENTS, Groups.LANG_EN));
    Contact contact = contact("EMAIL");
    Task task = task(contact);
    String before = task.getAssignee();

    Http.Response response = http.postJson("maria", "/api/tasks/" + task.getId() + "/assignment",
        "{\"assignee\": \"%s\", \"reason\": \"  Knows this customer's sofa order  \"}".formatted(ola));

    assertThat(response.status()).as(response.body()).isEqualTo(200);
    JsonNode assignment = response.json();
    assertThat(assignment.get("assignee").asText()).isEqualTo(ola);
    assertThat(assignment.get("assigneeName").asText()).isEqualTo("Ola Test");
    assertThat(assignment.get("previousAssignee").asText()).isEqualTo(before);
    assertThat(assignment.get("contactId").asText()).isEqualTo(contact.id());
    String reason = "reassigned by Maria Wiśniewska: Knows this customer's sofa order";
    assertThat(assignment.get("reason").asText()).isEqualTo(reason);
    assertThat(assignment.get("decidedBy").asText()).isEqualTo("maria");

    assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isEqualTo(ola);
    assertThat(taskService.getVariableLocal(task.getId(), Routing.FORM_ROUTING_REASON)).isEqualTo(reason);
    // not of the team, yet she may work it: the engine grants its assignee the task
    assertThat(http.get(ola, "/engine-rest/task/" + task.getId()).status()).isEqualTo(200);
    Decision decision = decisions.latest(task.getId()).orElseThrow();
    assertThat(decision.method()).isEqualTo(Method.MANUAL);
    assertThat(decision.cause()).isEqualTo(Cause.REASSIGNED);
    assertThat(decision.decidedBy()).isEqualTo("maria");
    assertThat(decision.groups()).containsExactly(Groups.TEAM_INQUIRIES);
    assertThat(events.of(contact.id())).filteredOn(e -> e.type().equals(Routing.EVENT_REASSIGNED)).singleElement()
        .satisfies(event -> {
          assertThat(event.actor()).isEqualTo("maria");
          assertThat(event.detail()).isEqualTo("Answer the customer: " + before + " → " + ola
              + ": Knows this customer's sofa order");
        });
  }

  @Test
  void shouldLeaveReassignmentToTeamLeads() {
    Task task = task(contact("EMAIL"));
    String body = "{\"assignee\": \"anna\", \"reason\": \"mine now\"}";
    for (String user : List.of("anna", "boris", "intake")) {
      Http.Response response = http.postJson(user, "/api/tasks/" + task.getId() + "/assignment", body);
      assertThat(response.status()).as(user).isEqualTo(403);
      assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    }
    assertThat(http.postJson(null, "/api/tasks/" + task.getId() + "/assignment", body).status()).isEqualTo(401);
    assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee())
        .isEqualTo(task.getAssignee());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      nothing given           | {}                                              | assignee reason
      blank                   | {"assignee": " ", "reason": " "}                | assignee reason
      not an agent            | {"assignee": "intake", "reason": ""}            | assignee reason
      no such user            | {"assignee": "nobody-at-all", "reason": "why"}  | assignee
      """)
  void shouldRefuseABadReassignmentNamingEveryBadField(String what, String json, String badFields) {
    Task task = task(contact("EMAIL"));

    Http.Response response = http.postJson("maria", "/api/tasks/" + task.getId() + "/assignment", json);

    assertThat(response.status()).as(what).isEqualTo(400);
    assertThat(fields(response)).as(response.body()).containsExactly(badFields.split(" "));
    assertThat(decisions.latest(task.getId()).orElseThrow().cause()).isEqualTo(Cause.TASK_CREATED);
  }

  @Test
  void shouldRefuseAReasonOverFiveHundredCharacters() {
    Task task = task(contact("EMAIL"));
    Http.Response response = http.postJson("maria", "/api/tasks/" + task.getId() + "/assignment",
        "{\"assignee\": \"anna\", \"reason\": \"%s\"}".formatted("x".repeat(Reassignment.MAX_REASON + 1)));
    assertThat(response.status()).isEqualTo(400);
    assertThat(fields(response)).containsExactly("reason");
  }

  @Test
  void shouldAnswerAnUnknownTaskWith404() {
    Http.Response response = http.postJson("maria", "/api/tasks/no-such-task/assignment",
        "{\"assignee\": \"anna\", \"reason\": \"why\"}");
    assertThat(response.status()).isEqualTo(404);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
  }

  @Test
  void shouldRefuseToGiveATaskToAnAgentWhoIsAway() {
    String ola = agents.create("ola", List.of(Groups.AGENTS, Groups.TEAM_INQUIRIES));
    assertThat(http.putJson(ola, "/api/agents/" + ola, "{\"availability\": \"AWAY\"}").status()).isEqualTo(200);
    Task task = task(contact("EMAIL"));

    Http.Response response = http.postJson("maria", "/api/tasks/" + task.getId() + "/assignment",
        "{\"assignee\": \"%s\", \"reason\": \"why\"}".formatted(ola));

    assertThat(response.status()).isEqualTo(409);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    assertThat(response.json().get("assignee").asText()).isEqualTo(ola);
    assertThat(response.json().get("availability").asText()).isEqualTo("AWAY");
    assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee())
        .isEqualTo(task.getAssignee());
  }

  @Test
  void shouldPublishTheRoutingEndpointsInTheOpenApiDocument() {
    JsonNode paths = http.get(null, "/v3/api-docs").json().get("paths");
    assertThat(paths.has("/api/agents")).isTrue();
    assertThat(paths.get("/api/agents/{id}").has("put")).isTrue();
    assertThat(paths.get("/api/tasks/{taskId}/assignment").has("post")).isTrue();
  }

  // --- helpers

  /** An inquiry in English from a new customer: a task of the inquiries team. */
  private Contact contact(String channel) {
    return intake.receive(new NewContact(channel, "<" + UUID.randomUUID() + "@mail.example>", null,
        new CustomerDetails(uniqueEmail("agents-api"), null, "Jan Kowalski", "en"), "Sofa", "When will it come?",
        "INQUIRY", null, null), "intake").contact();
  }

  private Task task(Contact contact) {
    return taskService.createTaskQuery().processInstanceBusinessKey(contact.id()).singleResult();
  }

  private static List<String> texts(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
  }

  private static List<String> ids(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).map(agent -> agent.get("id").asText()).toList();
  }

  private static List<String> fields(Http.Response response) {
    return StreamSupport.stream(response.json().get("errors").spliterator(), false)
        .map(e -> e.get("field").asText()).distinct().toList();
  }
}
