package io.careflow.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.careflow.casefile.Contact;
import io.careflow.support.CareflowIntegrationTest;
import io.careflow.support.Http;
import java.util.List;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Who may see and do what through Camunda's REST API, and the two problems of 7.24.0 CE
 * that careflow blocks itself (fixed upstream only in paid patches).
 */
class SecurityTest extends CareflowIntegrationTest {

  Http http;

  @BeforeEach
  void http() {
    http = new Http(baseUrl());
  }

  /** An inquiry: its task is offered to team-inquiries (boris), not to anna's teams. */
  private Task borissTask() {
    Contact contact = intake.receive(emailContact(uniqueEmail("sec"), "INQUIRY", "s", "b"), "intake").contact();
    return processEngine.getTaskService().createTaskQuery().processInstanceBusinessKey(contact.id()).singleResult();
  }

  @Test
  void shouldKeepAnAgentAwayFromTasksOfOtherTeams() {
    Task task = borissTask();

    // the engine does not even reveal that the task exists
    assertThat(http.get("anna", "/engine-rest/task/" + task.getId()).status()).isEqualTo(404);
    assertThat(ids(http.get("anna", "/engine-rest/task?taskDefinitionKey=user_answer_customer").json()))
        .doesNotContain(task.getId());
    assertThat(ids(http.get("boris", "/engine-rest/task?taskDefinitionKey=user_answer_customer").json()))
        .contains(task.getId());

    Http.Response complete = http.postJson("anna", "/engine-rest/task/" + task.getId() + "/complete",
        "{\"variables\": {\"replyText\": {\"value\": \"not mine\"}}}");
    assertThat(complete.status()).isEqualTo(403);
    Http.Response claim = http.postJson("anna", "/engine-rest/task/" + task.getId() + "/claim", "{\"userId\": \"anna\"}");
    assertThat(claim.status()).isEqualTo(403);
    // still where routing put it
    assertThat(processEngine.getTaskService().createTaskQuery().taskId(task.getId()).singleResult().getAssignee())
        .isEqualTo("boris");
  }

  @Test
  void shouldLetTheTeamClaimAndCompleteItsTask() {
    Task task = borissTask();

    assertThat(http.postJson("boris", "/engine-rest/task/" + task.getId() + "/claim", "{\"userId\": \"boris\"}")
        .status()).isEqualTo(204);
    assertThat(http.postJson("boris", "/engine-rest/task/" + task.getId() + "/complete",
        "{\"variables\": {\"replyText\": {\"value\": \"Here you are\"}, \"replyKind\": {\"value\": \"ANSWER\"}, "
        + "\"followUpType\": {\"value\": \"NONE\"}}}").status()).isEqualTo(204);
    assertThat(processEngine.getTaskService().createTaskQuery().taskId(task.getId()).count()).isZero();
  }

  @Test
  void shouldRefuseAnIncompleteTaskFormWith400() {
    Task task = borissTask();
    Http.Response response = http.postJson("boris", "/engine-rest/task/" + task.getId() + "/complete",
        "{\"variables\": {\"replyText\": {\"value\": \"\"}}}");
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body()).contains("Your reply to the customer: is required");
    assertThat(processEngine.getTaskService().createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
  }

  @Test
  void shouldLetManagersReadButNotCompleteTasks() {
    Task task = borissTask();
    assertThat(http.get("maria", "/engine-rest/task/" + task.getId()).status()).isEqualTo(200);
    assertThat(http.postJson("maria", "/engine-rest/task/" + task.getId() + "/complete", "{}").status())
        .isEqualTo(403);
    assertThat(http.get("maria", "/engine-rest/history/process-instance?processDefinitionKey=contact").status())
        .isEqualTo(200);
  }

  @Test
  void shouldGiveIntegrationsNothingInTheEngine() {
    Task task = borissTask();
    assertThat(http.get("intake", "/engine-rest/task/" + task.getId()).status()).isEqualTo(404);
    assertThat(http.get("intake", "/engine-rest/task").json()).isEmpty();
    assertThat(http.get("intake", "/engine-rest/process-instance").json()).isEmpty();
  }

  @Test
  void shouldRequireCredentialsForTheEngineRestApi() {
    assertThat(http.get(null, "/engine-rest/task").status()).isEqualTo(401);
    assertThat(http.get(null, "/engine-rest/process-instance").status()).isEqualTo(401);
    Http.Response wrong = http.get("nobody", "/engine-rest/task");
    assertThat(wrong.status()).isEqualTo(401);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "/engine-rest/task?assigneeExpression=${true}",
      "/engine-rest/task?candidateGroupsExpression=%24%7BcurrentUserGroups()%7D",
      "/engine-rest/task/count?assigneeExpression=%23%7Bx%7D",
      "/engine-rest/engine/default/task?assigneeExpression=${x}",
      "/engine-rest/history/task?taskAssignee=${x}"})
  void shouldRefuseExpressionsInTaskQueryParameters(String path) {
    Http.Response response = http.get("anna", path.replace("${", "%24%7B").replace("}", "%7D"));
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "{\"orQueries\": [{\"assigneeExpression\": \"${''.getClass()}\"}]}",
      "{\"orQueries\": [{\"candidateGroupsExpression\": \"#{x}\"}]}",
      "{\"orQueries\": [{\"assigneeExpression\": \"\\u0024{x}\"}]}",
      "{\"assigneeExpression\": \"${x}\"}",
      "{\"processVariables\": [{\"name\": \"x\", \"operator\": \"eq\", \"value\": \"${x}\"}]}"})
  void shouldRefuseExpressionsInTaskQueryBodies(String body) {
    for (String path : List.of("/engine-rest/task", "/engine-rest/task/count", "/engine-rest//task",
        "/camunda/api/engine/engine/default/task")) {
      Http.Response response = http.postJson("anna", path, body);
      assertThat(response.status()).as(path).isEqualTo(400);
    }
  }

  @Test
  void shouldRefuseExpressionsInFilters() {
    long filters = processEngine.getFilterService().createFilterQuery().count();
    Http.Response create = http.postJson("demo", "/engine-rest/filter/create", """
        {"resourceType": "Task", "name": "evil", "query": {"assigneeExpression": "${currentUser()}"}}""");
    assertThat(create.status()).isEqualTo(400);
    assertThat(processEngine.getFilterService().createFilterQuery().count()).isEqualTo(filters);

    String myTasks = processEngine.getFilterService().createFilterQuery().filterName(TasklistFilters.MY_TASKS)
        .singleResult().getId();
    assertThat(http.postJson("anna", "/engine-rest/filter/" + myTasks + "/list",
        "{\"orQueries\": [{\"assigneeExpression\": \"${x}\"}]}").status()).isEqualTo(400);
    assertThat(http.postJson("anna", "/engine-rest/filter/" + myTasks + "/list", "{}").status()).isEqualTo(200);
  }

  @Test
  void shouldStillAnswerOrdinaryTaskQueries() {
    assertThat(http.postJson("anna", "/engine-rest/task",
        "{\"orQueries\": [{\"candidateGroup\": \"team-complaints\"}], \"sorting\": [{\"sortBy\": \"dueDate\", \"sortOrder\": \"asc\"}]}")
        .status()).isEqualTo(200);
    assertThat(http.get("anna", "/engine-rest/task?candidateGroup=team-complaints").status()).isEqualTo(200);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "/camunda/api/admin/setup/default/user/create",
      "/camunda/api/admin/setup/default/user/create/",
      "/camunda//api/admin/setup/default/user/create",
      "/camunda/api/admin/%73etup/default/user/create",
      "/camunda/api/admin/setup/default/user/create;x=y"})
  void shouldKeepTheAdminSetupClosed(String path) {
    Http.Response response = http.postJson(null, path, """
        {"profile": {"id": "intruder", "firstName": "I", "lastName": "N", "email": "i@example.com"},
         "credentials": {"password": "intruder-password"}}""");
    assertThat(response.status()).isBetween(400, 499);
    assertThat(processEngine.getIdentityService().createUserQuery().userId("intruder").count()).isZero();
  }

  private static List<String> ids(JsonNode tasks) {
    return tasks.findValuesAsText("id");
  }
}
