package io.careflow.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import io.careflow.communication.MessageKind;
import io.careflow.communication.ReplyService;
import io.careflow.communication.ReplyStep;
import io.careflow.casefile.CaseVariables;
import io.careflow.contact.CommunicationStyle;
import io.careflow.casefile.Contact;
import io.careflow.casefile.ContactEvents;
import io.careflow.contact.NewContact;
import io.careflow.contact.NewContact.CustomerDetails;
import io.careflow.followup.PlanFollowUpListener;
import io.careflow.routing.Routing.Cause;
import io.careflow.routing.Routing.Method;
import io.careflow.routing.RoutingDecisionRepository.Decision;
import io.careflow.support.CareflowIntegrationTest;
import io.careflow.support.Http;
import io.careflow.system.Groups;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Routing as agents meet it (SPEC R4), one scenario per row: the agents of the inquiries team
 * who know furniture (created here, removed after each test — anna and boris know no
 * furniture, so only these agents qualify), their availability, capacities and open tasks,
 * the customer's earlier replies, and the new contact: a question about a sofa (SOF-…).
 * Each row says who gets the task and the reason the task form shows. Run on H2
 * ({@link RoutingScenariosTest}) and PostgreSQL ({@link RoutingScenariosPostgresTest}): routing
 * reads the engine's task table with SQL of its own.
 */
abstract class RoutingScenarios extends CareflowIntegrationTest {

  /** Monday 30 November 2026, 10:00 in Warsaw. */
  static final Instant MONDAY_10 = io.careflow.support.ShopTime.MONDAY_10;
  static final String SOFA = "SOF-220";
  static final String QUEUE = "no one available: team queue";

  @Autowired
  IdentityService identityService;
  @Autowired
  TaskService taskService;
  @Autowired
  AgentProfileRepository profiles;
  @Autowired
  ReplyService replies;
  @Autowired
  RoutingDecisionRepository decisions;
  @Autowired
  ContactEvents events;

  TestAgents agents;
  final List<Contact> cases = new ArrayList<>();

  @BeforeEach
  void monday() {
    agents = new TestAgents(identityService, jdbc);
    ClockUtil.setCurrentTime(Date.from(MONDAY_10));
  }

  @AfterEach
  void removeTheAgentsAndTheirCases() {
    for (Contact contact : cases) {
      var runtime = processEngine.getRuntimeService();
      if (runtime.createProcessInstanceQuery().processInstanceId(contact.processInstanceId()).count() > 0) {
        runtime.deleteProcessInstance(contact.processInstanceId(), "routing scenario over");
      }
    }
    agents.removeAll();
  }

  // --- the table

  static Stream<Scenario> scenarios() {
    return Stream.of(
        scenario("returning customer: the agent who handled them most often, although busier")
            .agents(agent("ola").open(2), agent("piotr"))
            .replies("piotr", 1).replies("ola", 3)
            .expect("ola", "handled this customer 3 times"),
        scenario("equal history: the agent who replied most recently")
            .agents(agent("ola"), agent("piotr").open(1))
            .replies("ola", 2).replies("piotr", 2)
            .expect("piotr", "handled this customer 2 times"),
        scenario("one reply is enough to be the customer's agent")
            .agents(agent("ola").open(5), agent("piotr"))
            .replies("ola", 1)
            .expect("ola", "handled this customer once"),
        scenario("the customer's agent away: the least-loaded other agent")
            .agents(agent("ola").away(), agent("piotr").open(2), agent("rafal").open(1))
            .replies("ola", 4)
            .expect("rafal", "least loaded: 1 open task ({ola}, who handled this customer 4 times, is away)"),
        scenario("the customer's agent at capacity: the least-loaded other agent")
            .agents(agent("ola").open(2).maxTasks(2), agent("piotr").open(3))
            .replies("ola", 3)
            .expect("piotr", "least loaded: 3 open tasks ({ola}, who handled this customer 3 times, is at capacity "
                + "(2 open tasks))"),
        scenario("a new customer: the least-loaded agent")
            .agents(agent("ola").open(2), agent("piotr").open(1), agent("rafal").open(3))
            .expect("piotr", "least loaded: 1 open task"),
        scenario("capacity full: the next agent, though more loaded")
            .agents(agent("ola").open(1).maxTasks(1), agent("piotr").open(3).maxTasks(10))
            .expect("piotr", "least loaded: 3 open tasks"),
        scenario("capacity 0: takes no tasks of that kind")
            .agents(agent("ola").maxTasks(0), agent("piotr").open(4))
            .expect("piotr", "least loaded: 4 open tasks"),
        scenario("no one with the skills: the team queue")
            .language("ru")
            .agents(agent("ola"), agent("piotr"))
            .expect(null, QUEUE + " (no one in team-inquiries has lang-ru, product-furniture)"),
        scenario("everyone with the skills away or full: the team queue")
            .agents(agent("ola").away(), agent("piotr").open(1).maxTasks(1))
            .replies("ola", 2)
            .expect(null, QUEUE + " (all 2 agents with the skills are away or at capacity)"),
        scenario("a chat goes only to an agent with the chat skill, however loaded")
            .chat()
            .agents(agent("ola"), agent("piotr").chats().openChats(2))
            .expect("piotr", "least loaded: 2 open chats"),
        scenario("a chat and no one with the chat skill: never assigned, the team queue")
            .chat()
            .agents(agent("ola"), agent("piotr").open(1))
            .replies("ola", 5)
            .expect(null, QUEUE + " (no one in team-inquiries has lang-en, channel-chat, product-furniture)"),
        scenario("a chat: the customer's agent without the chat skill is passed over")
            .chat()
            .agents(agent("ola"), agent("piotr").chats().openChats(1))
            .replies("ola", 2)
            .expect("piotr", "least loaded: 1 open chat ({ola}, who handled this customer 2 times, lacks the "
                + "skills for this task)"),
        scenario("chats count against the chat capacity: full of chats, the next chat agent")
            .chat()
            .agents(agent("ola").chats().openChats(3).maxChats(3), agent("piotr").chats().openChats(1).open(6))
            .expect("piotr", "least loaded: 1 open chat"),
        scenario("chats count against the chat capacity only: full of e-mails, still takes a chat")
            .chat()
            .agents(agent("ola").chats().open(2).maxTasks(2), agent("piotr").chats().openChats(1))
            .expect("ola", "least loaded: 0 open chats"),
        scenario("e-mails ignore open chats: the agent with fewer e-mails")
            .agents(agent("ola").chats().openChats(3).open(1), agent("piotr").open(2))
            .expect("ola", "least loaded: 1 open task"),
        scenario("a language no group covers: an English speaker")
            .language("de")
            .agents(agent("ola").open(1), agent("piotr"))
            .expect("piotr", "least loaded: 0 open tasks"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void shouldRouteTheTaskAndSayWhy(Scenario scenario) {
    for (AgentSpec spec : scenario.agents()) {
      String id = agent(spec.name(), spec.chat());
      if (spec.isAway() || spec.maxTasks() != null || spec.maxChats() != null) {
        profiles.change(id, spec.isAway() ? Availability.AWAY : Availability.AVAILABLE, spec.maxTasks(),
            spec.maxChats(), "test", MONDAY_10);
      }
    }
    String email = uniqueEmail("sofa");
    if (!scenario.replies().isEmpty()) {
      // an earlier contact of the customer, answered by the agents in the order given (the last
      // one most recently); its case is over, so it adds to nobody's load
      Contact earlier = contact(email, "EMAIL", scenario.language(), SOFA);
      end(earlier);
      Instant at = MONDAY_10.minusSeconds(3600);
      for (var reply : scenario.replies().entrySet()) {
        for (int i = 0; i < reply.getValue(); i++) {
          at = at.plusSeconds(60);
          ClockUtil.setCurrentTime(Date.from(at));
          replies.record(earlier.id(), agents.id(reply.getKey()), "Reply " + i, MessageKind.ANSWER);
        }
      }
      ClockUtil.setCurrentTime(Date.from(MONDAY_10));
    }
    for (AgentSpec spec : scenario.agents()) {
      load(agents.id(spec.name()), "EMAIL", spec.openTasks());
      load(agents.id(spec.name()), "CHAT", spec.openChats());
    }

    Contact contact = contact(email, scenario.chat() ? "CHAT" : "EMAIL", scenario.language(), SOFA);
    Task task = task(contact);

    String expectedAgent = scenario.agent() == null ? null : agents.id(scenario.agent());
    String expectedReason = agents.names(scenario.reason());
    assertThat(task.getAssignee()).as("assignee").isEqualTo(expectedAgent);
    assertThat(taskService.getVariableLocal(task.getId(), Routing.FORM_ROUTING_REASON)).isEqualTo(expectedReason);
    Decision decision = decisions.latest(task.getId()).orElseThrow();
    assertThat(decision.assignee()).isEqualTo(expectedAgent);
    assertThat(decision.reason()).isEqualTo(expectedReason);
    assertThat(decision.cause()).isEqualTo(Cause.TASK_CREATED);
    assertThat(decision.groups()).containsExactly(Groups.TEAM_INQUIRIES);
    assertThat(decision.skills()).contains(Groups.PRODUCT_FURNITURE);
    assertThat(events.of(contact.id())).filteredOn(e -> e.type().equals(Routing.EVENT_ROUTED)).singleElement()
        .satisfies(event -> {
          assertThat(event.actor()).isEqualTo(ContactEvents.SYSTEM);
          assertThat(event.detail()).startsWith("Answer the customer → "
              + (expectedAgent == null ? "team queue" : expectedAgent) + ": " + expectedReason);
        });
  }

  // --- what happens around the table

  @Test
  void shouldGiveTheNextContactToTheAgentWhoAnsweredTheFirst() {
    String ola = agent("ola", false);
    agent("piotr", false);
    String email = uniqueEmail("returning");
    Contact first = contact(email, "EMAIL", "en", SOFA);
    Task firstTask = task(first);
    // both idle: the tie goes by user id
    assertThat(firstTask.getAssignee()).isEqualTo(ola);
    completeAs(ola, firstTask, Map.of(ReplyStep.REPLY_TEXT, "The sofa arrives on Friday.",
        ReplyStep.REPLY_KIND, "ANSWER", PlanFollowUpListener.TYPE, "NONE"));
    load(ola, "EMAIL", 2);

    Contact second = contact(email, "EMAIL", "en", SOFA);

    assertThat(task(second).getAssignee()).isEqualTo(ola);
    assertThat(taskService.getVariableLocal(task(second).getId(), Routing.FORM_ROUTING_REASON))
        .isEqualTo("handled this customer once");
  }

  @Test
  void shouldSendTheUnstartedTasksOfAnAgentWhoGoesAwayBackThroughRouting() {
    String ola = agent("ola", false);
    String piotr = agent("piotr", false);
    profiles.change(piotr, Availability.AWAY, null, null, "test", MONDAY_10);
    Task first = task(contact(uniqueEmail("away"), "EMAIL", "en", SOFA));
    Task second = task(contact(uniqueEmail("away"), "EMAIL", "en", SOFA));
    // a question in Russian waits in the queue; ola takes it on herself: started, it stays hers
    Task claimed = task(contact(uniqueEmail("away"), "EMAIL", "ru", SOFA));
    assertThat(claimed.getAssignee()).isNull();
    taskService.claim(claimed.getId(), ola);
    assertThat(List.of(first.getAssignee(), second.getAssignee())).containsOnly(ola);
    profiles.change(piotr, Availability.AVAILABLE, null, null, "test", MONDAY_10);

    Http.Response away = new Http(baseUrl()).putJson(ola, "/api/agents/" + ola, "{\"availability\": \"AWAY\"}");

    assertThat(away.status()).as(away.body()).isEqualTo(200);
    assertThat(away.json().get("availability").asText()).isEqualTo("AWAY");
    assertThat(away.json().get("openTasks").asInt()).isEqualTo(1);
    assertRerouted(first, piotr, "re-routed because Ola Test is away: least loaded: 0 open tasks", ola);
    assertRerouted(second, piotr, "re-routed because Ola Test is away: least loaded: 1 open task", ola);
    assertThat(assignee(claimed)).isEqualTo(ola);

    // piotr goes too, set away by a team lead: no one is left, the tasks wait in the team queue
    Http.Response leadSetsAway = new Http(baseUrl()).putJson("maria", "/api/agents/" + piotr,
        "{\"availability\": \"AWAY\"}");

    assertThat(leadSetsAway.status()).as(leadSetsAway.body()).isEqualTo(200);
    assertThat(leadSetsAway.json().get("updatedBy").asText()).isEqualTo("maria");
    for (Task task : List.of(first, second)) {
      assertRerouted(task, null, "re-routed because Piotr Test is away: " + QUEUE
          + " (the only agent with the skills is away or at capacity)", "maria");
    }
    assertThat(assignee(claimed)).isEqualTo(ola);
  }

  @Test
  void shouldGiveTheQueuedTasksToAnAgentWhoComesBackOrGetsMoreRoom() {
    String ola = agent("ola", false);
    profiles.change(ola, Availability.AWAY, 1, null, "test", MONDAY_10);
    // while the only furniture agent is away (capacity 1), two questions wait in the team queue,
    // and a third in Russian, which she cannot answer
    Task urgent = task(contact(uniqueEmail("back"), "EMAIL", "en", SOFA));
    ClockUtil.setCurrentTime(Date.from(MONDAY_10.plusSeconds(600)));
    Task later = task(contact(uniqueEmail("back"), "EMAIL", "en", SOFA));
    Task russian = task(contact(uniqueEmail("back"), "EMAIL", "ru", SOFA));
    assertThat(List.of(urgent, later, russian)).extracting(Task::getAssignee).containsOnlyNulls();
    assertThat(decisions.latest(urgent.getId()).orElseThrow().method()).isEqualTo(Method.QUEUE);

    Http.Response back = new Http(baseUrl()).putJson(ola, "/api/agents/" + ola, "{\"availability\": \"AVAILABLE\"}");

    assertThat(back.status()).as(back.body()).isEqualTo(200);
    // capacity 1: the most urgent (earliest due) one is hers, the other waits
    String reason = "from the team queue, Ola Test being available: least loaded: 0 open tasks";
    assertThat(assignee(urgent)).isEqualTo(ola);
    assertThat(taskService.getVariableLocal(urgent.getId(), Routing.FORM_ROUTING_REASON)).isEqualTo(reason);
    Decision decision = decisions.latest(urgent.getId()).orElseThrow();
    assertThat(decision.cause()).isEqualTo(Cause.AGENT_AVAILABLE);
    assertThat(decision.method()).isEqualTo(Method.LEAST_LOADED);
    assertThat(events.of(decision.contactId())).filteredOn(e -> e.type().equals(Routing.EVENT_ROUTED)).last()
        .satisfies(event -> assertThat(event.detail()).startsWith("Answer the customer → " + ola + ": " + reason)
            .endsWith("(set available by " + ola + ")"));
    assertThat(assignee(later)).isNull();
    assertThat(decisions.latest(later.getId()).orElseThrow().cause()).as("still queued: nothing recorded")
        .isEqualTo(Cause.TASK_CREATED);
    assertThat(assignee(russian)).isNull();

    // a lead gives her room for one more: the next queued task follows
    Http.Response room = new Http(baseUrl()).putJson("maria", "/api/agents/" + ola, "{\"maxOpenTasks\": 2}");

    assertThat(room.status()).as(room.body()).isEqualTo(200);
    assertThat(assignee(later)).isEqualTo(ola);
    assertThat(taskService.getVariableLocal(later.getId(), Routing.FORM_ROUTING_REASON))
        .isEqualTo("from the team queue, Ola Test being available: least loaded: 1 open task");
    assertThat(assignee(russian)).as("no one speaks Russian about furniture: it stays in the queue").isNull();
    assertThat(room.json().get("openTasks").asInt()).isEqualTo(2);
  }

  @Test
  void shouldRerouteOnlyWhenTheAgentSwitchesToAway() {
    String ola = agent("ola", false);
    agent("piotr", false);
    Task task = task(contact(uniqueEmail("still-away"), "EMAIL", "en", SOFA));
    assertThat(task.getAssignee()).isEqualTo(ola);
    // away already (before this task was re-routed, say): changing only her capacity re-routes nothing
    profiles.change(ola, Availability.AWAY, null, null, "test", MONDAY_10);
    Http.Response capacity = new Http(baseUrl()).putJson(ola, "/api/agents/" + ola, "{\"maxOpenTasks\": 4}");

    assertThat(capacity.status()).isEqualTo(200);
    assertThat(capacity.json().get("maxOpenTasks").asInt()).isEqualTo(4);
    assertThat(capacity.json().get("availability").asText()).isEqualTo("AWAY");
    assertThat(assignee(task)).isEqualTo(ola);
  }

  @Test
  void shouldKeepTheTeamLeadsGroupOfASeniorsTaskAndRouteAmongTheLeads() {
    String lead = agent("lena", false);
    identityService.createMembership(lead, Groups.TEAM_LEADS);
    String email = uniqueEmail("senior");
    Contact first = contact(email, "EMAIL", "en", SOFA);
    end(first);
    assertThat(new Http(baseUrl()).putJson("maria", "/api/customers/" + first.customerId() + "/vip",
        "{\"vip\": true}").status()).isEqualTo(200);
    // no topic and no telling words: an agent classifies it first
    Contact contact = intake.receive(new NewContact("EMAIL", null, null,
        new CustomerDetails(email, null, "Jan Kowalski", "en"), "Again", "Why is nobody answering?", null, null, null),
        "intake").contact();
    cases.add(contact);
    Task triage = task(contact);
    completeAs(lead, triage, withVariables(CaseVariables.TOPIC_HINT, "INQUIRY", CommunicationStyle.DISSATISFACTION, "HIGH"));

    Task answer = task(contact);
    // a senior takes over: the model's team-leads stays, the table's team-inquiries does not replace it
    assertThat(taskService.getIdentityLinksForTask(answer.getId()))
        .filteredOn(link -> IdentityLinkType.CANDIDATE.equals(link.getType())).extracting(IdentityLink::getGroupId)
        .containsExactly(Groups.TEAM_LEADS);
    assertThat(answer.getAssignee()).isEqualTo(lead);
    assertThat(decisions.latest(answer.getId()).orElseThrow().groups()).containsExactly(Groups.TEAM_LEADS);
  }

  // --- set-up

  /** A test agent of the inquiries team who speaks English and knows furniture; password = id. */
  private String agent(String role, boolean chat) {
    var groups = new ArrayList<>(List.of(Groups.AGENTS, Groups.TEAM_INQUIRIES, Groups.LANG_EN,
        Groups.PRODUCT_FURNITURE));
    if (chat) {
      groups.add(Groups.CHANNEL_CHAT);
    }
    return agents.create(role, groups);
  }

  /** {@code count} open tasks of other customers assigned to the agent: e-mails, or chats. */
  private void load(String agentId, String channel, int count) {
    for (int i = 0; i < count; i++) {
      Task task = task(contact(uniqueEmail("load"), channel, "en", null));
      taskService.setAssignee(task.getId(), agentId);
    }
  }

  /** A question about a product (an inquiry). */
  private Contact contact(String email, String channel, String language, String productSku) {
    Contact contact = intake.receive(new NewContact(channel, "<" + UUID.randomUUID() + "@chat.example>", null,
        new CustomerDetails(email, null, "Jan Kowalski", language), "Sofa",
        "When will the sofa be delivered? Is it in stock?", "INQUIRY", null, productSku), "intake").contact();
    cases.add(contact);
    return contact;
  }

  /** The case is over: its task no longer counts. */
  private void end(Contact contact) {
    processEngine.getRuntimeService().deleteProcessInstance(contact.processInstanceId(), "case over");
  }

  private Task task(Contact contact) {
    return taskService.createTaskQuery().processInstanceBusinessKey(contact.id()).singleResult();
  }

  private String assignee(Task task) {
    return taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee();
  }

  private void completeAs(String user, Task task, Map<String, Object> variables) {
    identityService.setAuthentication(user, identityService.createGroupQuery().groupMember(user).list().stream()
        .map(group -> group.getId()).toList());
    try {
      taskService.complete(task.getId(), variables);
    } finally {
      identityService.clearAuthentication();
    }
  }

  private void assertRerouted(Task task, String assignee, String reason, String setBy) {
    assertThat(assignee(task)).isEqualTo(assignee);
    assertThat(taskService.getVariableLocal(task.getId(), Routing.FORM_ROUTING_REASON)).isEqualTo(reason);
    Decision decision = decisions.latest(task.getId()).orElseThrow();
    assertThat(decision.cause()).isEqualTo(Cause.AGENT_AWAY);
    assertThat(decision.method()).isEqualTo(assignee == null ? Method.QUEUE : Method.LEAST_LOADED);
    assertThat(decision.reason()).isEqualTo(reason);
    assertThat(decision.groups()).containsExactly(Groups.TEAM_INQUIRIES);
    String contactId = decision.contactId();
    assertThat(events.of(contactId)).filteredOn(e -> e.type().equals(Routing.EVENT_ROUTED)).last()
        .satisfies(event -> assertThat(event.detail()).startsWith("Answer the customer → "
            + (assignee == null ? "team queue" : assignee) + ": " + reason).endsWith("(set away by " + setBy + ")"));
  }

  // --- the scenario table's vocabulary

  static ScenarioBuilder scenario(String description) {
    return new ScenarioBuilder(description);
  }

  static AgentSpec agent(String name) {
    return new AgentSpec(name, false, false, null, null, 0, 0);
  }

  record AgentSpec(String name, boolean chat, boolean isAway, Integer maxTasks, Integer maxChats, int openTasks,
      int openChats) {
    AgentSpec chats() {
      return new AgentSpec(name, true, isAway, maxTasks, maxChats, openTasks, openChats);
    }

    AgentSpec away() {
      return new AgentSpec(name, chat, true, maxTasks, maxChats, openTasks, openChats);
    }

    AgentSpec open(int tasks) {
      return new AgentSpec(name, chat, isAway, maxTasks, maxChats, tasks, openChats);
    }

    AgentSpec openChats(int chats) {
      return new AgentSpec(name, chat, isAway, maxTasks, maxChats, openTasks, chats);
    }

    AgentSpec maxTasks(int max) {
      return new AgentSpec(name, chat, isAway, max, maxChats, openTasks, openChats);
    }

    AgentSpec maxChats(int max) {
      return new AgentSpec(name, chat, isAway, maxTasks, max, openTasks, openChats);
    }
  }

  record Scenario(String description, List<AgentSpec> agents, Map<String, Integer> replies, boolean chat,
      String language, String agent, String reason) {
    @Override
    public String toString() {
      return description;
    }
  }

  static final class ScenarioBuilder {
    private final String description;
    private List<AgentSpec> agents = List.of();
    private final Map<String, Integer> replies = new LinkedHashMap<>();
    private boolean chat;
    private String language = "en";

    ScenarioBuilder(String description) {
      this.description = description;
    }

    ScenarioBuilder agents(AgentSpec... specs) {
      agents = List.of(specs);
      return this;
    }

    /** Replies of an agent to the customer; later calls reply more recently. */
    ScenarioBuilder replies(String agent, int count) {
      replies.put(agent, count);
      return this;
    }

    ScenarioBuilder chat() {
      chat = true;
      return this;
    }

    ScenarioBuilder language(String code) {
      language = code;
      return this;
    }

    Scenario expect(String agent, String reason) {
      return new Scenario(description, agents, replies, chat, language, agent, reason);
    }
  }
}
