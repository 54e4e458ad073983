package io.careflow.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import com.fasterxml.jackson.databind.JsonNode;
import io.careflow.casefile.CaseVariables;
import io.careflow.casefile.Contact;
import io.careflow.cases.page.CasePageService;
import io.careflow.customer.CustomerMerges;
import io.careflow.customer.MergeRequest;
import io.careflow.protocol.complaint.ComplaintProcess;
import io.careflow.support.CareflowIntegrationTest;
import io.careflow.support.Conversation;
import io.careflow.support.Http;
import io.careflow.system.Groups;
import io.careflow.system.TasklistFilters;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The case on the agent's cards and forms: task-local copies an agent may read (the process's
 * variables stay closed to them), renewed when the case changes; what earlier steps decided
 * reaches the next form; the approval rule is named from the table; and the case page says
 * which step waits for whom.
 */
class CaseFactsTest extends CareflowIntegrationTest {

  @Autowired
  CustomerMerges merges;

  @Autowired
  CasePageService casePages;

  @Autowired
  io.careflow.model.TopicCatalog topics;

  @Autowired
  io.careflow.calendar.BusinessHoursProperties shopTime;

  @Test
  void shouldShowTheCaseOnTheCardsOfItsTeamOnly() throws Exception {
    String email = uniqueEmail("cards");
    Contact contact = intake.receive(new NewContact("EMAIL", "<" + UUID.randomUUID() + "@mail.example>", null,
        new NewContact.CustomerDetails(email, null, "Olga Petrova", "en"), "Where is my kettle?", "It did not come.",
        "INQUIRY", "PL-2026-000777", "KET-1700"), "intake").contact();
    Task task = task(contact);

    // Tasklist's own request for a filter's cards, as boris (an agent of the inquiries team)
    String filterId = processEngine.getFilterService().createFilterQuery().filterName(TasklistFilters.MY_TEAMS_TASKS)
        .singleResult().getId();
    JsonNode list = hal("boris", "/engine-rest/filter/" + filterId + "/list?firstResult=0&maxResults=50",
        "{\"processInstanceBusinessKey\": \"" + contact.id() + "\"}");
    JsonNode card = list.path("_embedded").path("task").get(0);
    assertThat(card.path("id").asText()).isEqualTo(task.getId());
    Map<String, String> shown = new HashMap<>();
    card.path("_embedded").path("variable").forEach(v -> shown.put(v.path("name").asText(), v.path("value").asText()));
    assertThat(shown).containsEntry(CaseVariables.CUSTOMER_NAME, "Olga Petrova")
        .containsEntry(CaseVariables.CARD_SUBJECT, "Where is my kettle?")
        .containsEntry(CaseVariables.CARD_CHANNEL, "EMAIL")
        .containsEntry(CaseVariables.CARD_TOPIC, topics.label(contact.topic(), null))
        .containsEntry(CaseVariables.CARD_DUE, shopTime(task));
    // the process's own variables stay closed to agents
    Http http = new Http(baseUrl());
    assertThat(http.get("boris", "/engine-rest/process-instance/" + task.getProcessInstanceId() + "/variables")
        .status()).isEqualTo(403);

    // the form's block: order, product, how to reach the customer, only the classification so far
    Map<String, Object> local = processEngine.getTaskService().getVariablesLocal(task.getId());
    assertThat(local).containsEntry(CaseVariables.FORM_ORDER, "PL-2026-000777")
        .containsEntry(CaseVariables.FORM_PRODUCT, "KET-1700")
        .containsEntry(CaseVariables.FORM_CUSTOMER_CONTACT, "e-mail " + email)
        .hasEntrySatisfying(CaseVariables.FORM_CASE_SO_FAR, soFar -> assertThat(soFar.toString())
            .as("only the classification so far").endsWith("protocol " + contact.protocol() + ", team team-inquiries")
            .doesNotContain("\n"));
  }

  @Test
  void shouldRenewTheCardsWhenTheCustomerIsMerged() {
    Contact contact = intake.receive(new NewContact("EMAIL", "<" + UUID.randomUUID() + "@mail.example>", null,
        new NewContact.CustomerDetails(uniqueEmail("merged"), null, "O. P.", "en"), "Kettle", "Broken",
        "INQUIRY", null, null), "intake").contact();
    Contact other = intake.receive(new NewContact("EMAIL", "<" + UUID.randomUUID() + "@mail.example>", null,
        new NewContact.CustomerDetails(uniqueEmail("stays"), null, "Olga Petrova", "en"), "Lid", "Missing",
        "INQUIRY", null, null), "intake").contact();
    Task task = task(contact);
    assertThat(processEngine.getTaskService().getVariableLocal(task.getId(), CaseVariables.CUSTOMER_NAME))
        .isEqualTo("O. P.");
    assertThat(processEngine.getTaskService().getVariableLocal(task.getId(), CaseVariables.FORM_ORDER))
        .isEqualTo("not given");

    merges.merge(new MergeRequest(other.customerId(), contact.customerId(), "the same person"), "maria");

    assertThat(processEngine.getTaskService().getVariableLocal(task.getId(), CaseVariables.CUSTOMER_NAME))
        .isEqualTo("Olga Petrova");
  }

  @Test
  void shouldCarryEachStepsDecisionsAndTheApprovalRuleToTheNextForm() {
    Contact contact = intake.receive(emailContact(uniqueEmail("carry"), "COMPLAINT", "Broken lid", "The lid broke."),
        "intake").contact();
    ProcessInstance complaint = processEngine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(contact.id()).processDefinitionKey(ComplaintProcess.KEY).singleResult();
    execute(job(ComplaintProcess.Elements.SERVICE_ACKNOWLEDGE_COMPLAINT, complaint));
    completeAs(task(contact).getId(), "anna", List.of(Groups.AGENTS, Groups.TEAM_COMPLAINTS), Conversation.done(Map.of(
        ComplaintProcess.FINDINGS, "The courier dropped the parcel.", ComplaintProcess.JUSTIFIED, "YES")));

    Task propose = task(contact);
    assertThat(propose.getTaskDefinitionKey()).isEqualTo(ComplaintProcess.Elements.USER_PROPOSE_RESOLUTION);
    Map<String, Object> local = processEngine.getTaskService().getVariablesLocal(propose.getId());
    assertThat((String) local.get(CaseVariables.FORM_CASE_SO_FAR))
        .contains("(anna): Investigate complaint: What you found: The courier dropped the parcel.; "
            + "Is the complaint justified?: YES")
        // the conversation checklist is the timeline's, not repeated here
        .doesNotContain("Conversation algorithm on \"Investigate complaint\": Listened").doesNotContain("least loaded");
    // the threshold in the table's own words
    assertThat((String) local.get(CaseVariables.FORM_CASE_RULES)).contains("Above 100 PLN a team lead approves");

    completeAs(propose.getId(), "anna", List.of(Groups.AGENTS, Groups.TEAM_COMPLAINTS), Map.of(
        ComplaintProcess.RESOLUTION_TYPE, "REFUND", ComplaintProcess.PROPOSAL, "150 PLN back.",
        ComplaintProcess.COMPENSATION_AMOUNT, 150));

    Task approve = task(contact);
    assertThat(approve.getTaskDefinitionKey()).isEqualTo(ComplaintProcess.Elements.USER_APPROVE_COMPENSATION);
    // anna's list no longer has it; the case page says it waits for the leads
    List<String> waiting = casePages.of(contact.id()).orElseThrow().header().waiting();
    assertThat(waiting).singleElement().asString().startsWith("Approve compensation: waiting for Team leads, due ");

    completeAs(approve.getId(), "maria", List.of(Groups.MANAGERS, Groups.TEAM_LEADS), Map.of(
        ComplaintProcess.APPROVAL_DECISION, "APPROVE", ComplaintProcess.APPROVAL_COMMENT, "Fine, the courier pays."));

    Task reply = task(contact);
    assertThat(reply.getTaskDefinitionKey()).isEqualTo(ComplaintProcess.Elements.USER_REPLY_COMPLAINT);
    assertThat((String) processEngine.getTaskService().getVariableLocal(reply.getId(), CaseVariables.FORM_CASE_SO_FAR))
        .contains("Approve compensation: Decision: APPROVE; Comment: Fine, the courier pays.");
  }

  private Task task(Contact contact) {
    return processEngine.getTaskService().createTaskQuery().processInstanceBusinessKey(contact.id()).singleResult();
  }

  private String shopTime(Task task) {
    return shopTime.local(task.getDueDate().toInstant());
  }

  private JsonNode hal(String user, String path, String json) throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user)
            .getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "application/json").header("Accept", "application/hal+json")
        .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body());
  }
}
