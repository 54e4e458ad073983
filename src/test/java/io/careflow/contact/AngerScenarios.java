package io.careflow.contact;

import static io.careflow.support.DemoPeople.ANNA;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.careflow.casefile.CaseVariables;
import io.careflow.casefile.Contact;
import io.careflow.casefile.ContactEvents.ContactEvent;
import io.careflow.casefile.ContactEvents;
import io.careflow.protocol.complaint.ComplaintProcess;
import io.careflow.support.Conversation;
import io.careflow.support.Http;
import io.careflow.support.ProtocolTestSupport;
import io.careflow.system.Groups;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Anger is noticed and handled (SPEC R3): the channel's level and the customer's words
 * ({@code dissatisfaction-words.dmn}) at receipt, an agent raising it on any task, and a case
 * that reaches HIGH going to a senior agent, on the timeline with the reason. Run on H2
 * ({@link AngerTest}) and PostgreSQL ({@link AngerPostgresTest}).
 */
abstract class AngerScenarios extends ProtocolTestSupport {


  @Autowired
  ContactEvents events;

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      pl | Skandal!            | Trzeci raz przysyłacie zepsuty czajnik. Nigdy więcej u was nie kupię, sprawa idzie do UOKiK.
      en | Never again         | Third broken kettle in a row. I am talking to my lawyer and filing a chargeback.
      ru | Это безобразие      | Третий раз присылаете сломанный чайник. Больше никогда не куплю, пишу в Роспотребнадзор.
      """)
  void shouldHandAnAngryMessageToASeniorAgent(String language, String subject, String body) {
    JsonNode created = post("""
        {"channel": "EMAIL", "externalId": "<%s@mail.example>",
         "customer": {"email": "%s", "name": "Jan Kowalski", "language": "%s"},
         "subject": "%s", "body": "%s", "topic": "COMPLAINT"}"""
        .formatted(UUID.randomUUID(), uniqueEmail("angry-" + language), language, subject, body));
    Contact contact = contacts.find(created.get("id").asText()).orElseThrow();
    ProcessInstance complaint = protocol(contact, ComplaintProcess.KEY);

    assertThat(contact.dissatisfaction()).isEqualTo("HIGH");
    assertThat(candidateGroups(task(complaint))).containsExactly(Groups.TEAM_LEADS);
    assertThat(entries(contact, ContactEvents.SENIOR_TAKES_OVER)).singleElement()
        .satisfies(e -> assertThat(e.detail()).contains("from team-complaints", "dissatisfaction HIGH",
            "words found: threat"));
    assertThat(entries(contact, ContactEvents.STYLE_CHANGED)).singleElement()
        .satisfies(e -> assertThat(e.detail()).startsWith("dissatisfaction HIGH at receipt: words found"));
  }

  @Test
  void shouldHandTheCaseToASeniorAgentWhenTheChannelSaysHigh() {
    JsonNode created = post("""
        {"channel": "CHAT", "customer": {"email": "%s", "language": "en"}, "dissatisfaction": "High",
         "subject": "Kettle", "body": "The kettle leaks.", "topic": "COMPLAINT"}""".formatted(uniqueEmail("chat")));
    Contact contact = contacts.find(created.get("id").asText()).orElseThrow();

    assertThat(contact.dissatisfaction()).isEqualTo("HIGH");
    assertThat(candidateGroups(task(protocol(contact, ComplaintProcess.KEY)))).containsExactly(Groups.TEAM_LEADS);
    assertThat(entries(contact, ContactEvents.SENIOR_TAKES_OVER)).singleElement()
        .satisfies(e -> assertThat(e.detail()).contains("dissatisfaction HIGH, given by the channel"));
  }

  @Test
  void shouldTakeTheHigherOfTheChannelAndTheWords() {
    // the channel thought the customer calm; the words say unhappy: MEDIUM, no senior
    Contact unhappy = contacts.find(post("""
        {"channel": "SOCIAL", "customer": {"email": "%s", "language": "en"}, "dissatisfaction": "low",
         "subject": "Kettle", "body": "I am disappointed, the kettle leaks.", "topic": "COMPLAINT"}"""
        .formatted(uniqueEmail("social"))).get("id").asText()).orElseThrow();
    // the channel heard anger the calm words do not show: the channel's HIGH stays
    Contact angry = contacts.find(post("""
        {"channel": "PHONE", "customer": {"phone": "+48600%s", "language": "pl"}, "dissatisfaction": "HIGH",
         "subject": "Czajnik", "body": "Czajnik cieknie.", "topic": "COMPLAINT"}"""
        .formatted(100000 + (int) (Math.random() * 899999))).get("id").asText()).orElseThrow();

    assertThat(unhappy.dissatisfaction()).isEqualTo("MEDIUM");
    assertThat(entries(unhappy, ContactEvents.STYLE_CHANGED)).singleElement()
        .satisfies(e -> assertThat(e.detail()).isEqualTo("dissatisfaction MEDIUM at receipt: words found: unhappy (en)"));
    assertThat(candidateGroups(task(protocol(unhappy, ComplaintProcess.KEY)))).containsExactly(Groups.TEAM_COMPLAINTS);
    assertThat(entries(unhappy, ContactEvents.SENIOR_TAKES_OVER)).isEmpty();
    assertThat(angry.dissatisfaction()).isEqualTo("HIGH");
    assertThat(candidateGroups(task(protocol(angry, ComplaintProcess.KEY)))).containsExactly(Groups.TEAM_LEADS);
  }

  @Test
  void shouldRefuseALevelThatIsNoneAndStoreNothing() {
    long contactsBefore = count("contact");
    long customersBefore = count("customer");
    long processes = runningProcesses();

    Http.Response response = http.postJson("intake", "/api/contacts", """
        {"channel": "EMAIL", "customer": {"email": "%s"}, "body": "b", "dissatisfaction": "furious"}"""
        .formatted(uniqueEmail("furious")));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    assertThat(response.body()).contains("dissatisfaction").contains("must be low, medium or high");
    assertThat(count("contact")).isEqualTo(contactsBefore);
    assertThat(count("customer")).isEqualTo(customersBefore);
    assertThat(runningProcesses()).isEqualTo(processes);
  }

  @Test
  void shouldHandTheCaseToASeniorAgentWhenAnAgentRaisesItOnTheThirdTask() {
    // calm words, no topic: triage first
    Contact contact = intake.receive(emailContact(uniqueEmail("third"), null, "Order PL-1", "About my order."),
        "intake").contact();
    ProcessInstance pi = processEngine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(contact.id()).processDefinitionKey(ContactProcess.KEY).singleResult();
    assertThat(contact.dissatisfaction()).isNull();
    // 1: triage
    completeAs(task(pi).getId(), "anna", ANNA, Map.of(CaseVariables.TOPIC_HINT, "COMPLAINT"));
    ProcessInstance complaint = protocol(contact, ComplaintProcess.KEY);
    // 2: investigation, the customer a little unhappy
    assertThat(candidateGroups(task(complaint))).containsExactly(Groups.TEAM_COMPLAINTS);
    complete(complaint, "anna", ANNA, Conversation.done(Map.of(ComplaintProcess.FINDINGS,
        "The courier left it in the rain.", ComplaintProcess.JUSTIFIED, "YES", CommunicationStyle.DISSATISFACTION,
        "MEDIUM")));
    assertThat(candidateGroups(task(complaint))).containsExactly(Groups.TEAM_COMPLAINTS);
    // 3: the proposal; on the phone the customer threatens to leave: anna raises it to HIGH
    complete(complaint, "anna", ANNA, Map.of(ComplaintProcess.RESOLUTION_TYPE, "DISCOUNT_VOUCHER",
        ComplaintProcess.COMPENSATION_AMOUNT, 50, ComplaintProcess.PROPOSAL, "A 50 PLN voucher.",
        CommunicationStyle.DISSATISFACTION, "HIGH"));

    Task reply = task(complaint);
    assertThat(reply.getTaskDefinitionKey()).isEqualTo(ComplaintProcess.Elements.USER_REPLY_COMPLAINT);
    assertThat(candidateGroups(reply)).containsExactly(Groups.TEAM_LEADS);
    assertThat(reload(contact).dissatisfaction()).isEqualTo("HIGH");
    assertThat(entries(contact, ContactEvents.STYLE_CHANGED)).extracting(ContactEvent::detail).containsExactly(
        "dissatisfaction MEDIUM (raised by anna on \"Investigate complaint\"): priority NORMAL",
        "dissatisfaction HIGH (raised by anna on \"Propose resolution\"): priority HIGH");
    assertThat(entries(contact, ContactEvents.SENIOR_TAKES_OVER)).singleElement().satisfies(e -> {
      assertThat(e.actor()).isEqualTo("anna");
      assertThat(e.detail()).isEqualTo("communication style: a senior agent takes over from team-complaints"
          + " (dissatisfaction HIGH, raised by anna on \"Propose resolution\")");
    });
  }

  private JsonNode post(String json) {
    Http.Response response = http.postJson("intake", "/api/contacts", json);
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    return response.json();
  }

  private List<String> candidateGroups(Task task) {
    return processEngine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType())).map(IdentityLink::getGroupId).toList();
  }

  private List<ContactEvent> entries(Contact contact, String type) {
    return events.of(contact.id()).stream().filter(e -> e.type().equals(type)).toList();
  }
}
