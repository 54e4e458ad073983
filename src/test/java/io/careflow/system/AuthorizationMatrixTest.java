package io.careflow.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.careflow.casefile.Contact;
import io.careflow.publicpages.PublicLinks;
import io.careflow.support.CareflowIntegrationTest;
import io.careflow.support.Http;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The authorization matrix: every request of the table in docs/operations.md (Security),
 * read from that file itself, sent as every user — anonymous, intake, anna, boris, maria,
 * demo — over real HTTP; every cell must hold. That file is the one place the matrix is
 * written; this test keeps it true.
 */
class AuthorizationMatrixTest extends CareflowIntegrationTest {

  static final List<String> USERS = List.of("anonymous", "intake", "anna", "boris", "maria", "dora", "mona", "demo");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PROBE = "matrix-probe";

  /** A row of the matrix table. */
  record Row(String method, String path, List<String> cells) {
    String name() {
      return method + " " + path;
    }
  }

  /** Reads the table between the markers in docs/operations.md. */
  static List<Row> matrix() throws IOException {
    String readme = Files.readString(Path.of("docs/operations.md"));
    String table = readme.substring(readme.indexOf("<!-- authorization-matrix:begin -->"),
        readme.indexOf("<!-- authorization-matrix:end -->"));
    List<Row> rows = new ArrayList<>();
    for (String line : table.lines().toList()) {
      if (!line.startsWith("| `")) {
        continue;
      }
      String[] cells = line.substring(1, line.length() - 1).split("\\|");
      String request = cells[0].strip().replace("`", "");
      int space = request.indexOf(' ');
      List<String> expected = new ArrayList<>();
      for (int i = 1; i < cells.length; i++) {
        expected.add(cells[i].strip());
      }
      assertThat(expected).as(request).hasSize(USERS.size());
      rows.add(new Row(request.substring(0, space), request.substring(space + 1), expected));
    }
    return rows;
  }

  @AfterEach
  void removeProbes() {
    var identity = processEngine.getIdentityService();
    // (userIdIn() without ids would match every user)
    identity.createUserQuery().list().stream().map(u -> u.getId()).filter(id -> id.startsWith(PROBE))
        .forEach(identity::deleteUser);
    processEngine.getAuthorizationService().createAuthorizationQuery().resourceId(PROBE).list()
        .forEach(a -> processEngine.getAuthorizationService().deleteAuthorization(a.getId()));
    processEngine.getFilterService().createFilterQuery().filterName(PROBE).list()
        .forEach(f -> processEngine.getFilterService().deleteFilter(f.getId()));
    processEngine.getRepositoryService().createDeploymentQuery().deploymentName(PROBE).list()
        .forEach(d -> processEngine.getRepositoryService().deleteDeployment(d.getId(), true));
  }

  @Test
  void everyCellOfTheReadmesMatrixHolds() throws Exception {
    List<Row> rows = matrix();
    assertThat(rows).as("rows of the matrix in docs/operations.md").hasSizeGreaterThan(40);

    // an inquiry: offered to team-inquiries and routed to boris (not one of anna's teams)
    String email = uniqueEmail("matrix");
    Contact contact = intake.receive(emailContact(email, "INQUIRY", "Warranty?", "How long?"), "intake").contact();
    Task task = processEngine.getTaskService().createTaskQuery().processInstanceBusinessKey(contact.id())
        .singleResult();
    assertThat(task.getAssignee()).isEqualTo("boris");

    var failures = new ArrayList<String>();
    int cells = 0;
    for (Row row : rows) {
      // a deployment of its own for the DELETE row (demo may delete it)
      String deployment = !row.path().contains("{deployment}") ? "none"
          : processEngine.getRepositoryService().createDeployment().name(PROBE)
              .addModelInstance("probe.bpmn", Bpmn.createExecutableProcess("matrix-probe")
                  .camundaHistoryTimeToLive(1).startEvent().endEvent().done())
              .deploy().getId();
      try {
        Map<String, String> values = Map.of("{contact}", contact.id(), "{task}", task.getId(),
            "{customer}", contact.customerId(), "{deployment}", deployment, "{email}", email);
        for (int i = 0; i < USERS.size(); i++) {
          String user = USERS.get(i);
          String expected = row.cells().get(i);
          Answer answer = send(row, user, values);
          cells++;
          String problem = check(expected, answer);
          if (problem != null) {
            failures.add(row.name() + " as " + user + ": expected " + expected + ", got " + problem);
          }
        }
      } finally {
        if (processEngine.getRepositoryService().createDeploymentQuery().deploymentId(deployment).count() > 0) {
          processEngine.getRepositoryService().deleteDeployment(deployment, true);
        }
      }
    }
    System.out.println("Authorization matrix: " + cells + " cells checked (" + rows.size() + " requests × "
        + USERS.size() + " users), " + failures.size() + " wrong");
    assertThat(failures).as("cells of the matrix in docs/operations.md that do not hold").isEmpty();
    // still where routing put it: nobody but boris worked it
    assertThat(processEngine.getTaskService().createTaskQuery().taskId(task.getId()).singleResult().getAssignee())
        .isEqualTo("boris");
  }

  @org.springframework.beans.factory.annotation.Autowired
  PublicLinks links;

  @org.springframework.beans.factory.annotation.Autowired
  io.careflow.survey.SurveyAnswers surveyAnswers;

  /**
   * Public links: a customer's link opens their own case only — the other customer's data never
   * shows, one customer's link id with the other's signature is forged, and a spent link stays
   * spent while the other customer's still opens.
   */
  @Test
  void oneCustomersLinkNeverReachesAnotherCustomersCase() {
    var http = new io.careflow.support.Http(baseUrl());
    Contact alice = intake.receive(new io.careflow.contact.NewContact("EMAIL", null, null,
        new io.careflow.contact.NewContact.CustomerDetails(uniqueEmail("alice"), null, "Alice Uniquename", "en"),
        "Order AL-777", "Where is order AL-777?", "INQUIRY", "AL-777", null), "intake").contact();
    Contact bob = intake.receive(new io.careflow.contact.NewContact("EMAIL", null, null,
        new io.careflow.contact.NewContact.CustomerDetails(uniqueEmail("bob"), null, "Bob Othername", "pl"),
        "Order BO-888", "Where is order BO-888?", "INQUIRY", "BO-888", null), "intake").contact();
    String alicePage = URI.create(links.issue(alice.id(), io.careflow.followup.SendFollowUpDelegate.SURVEY_PURPOSE,
        java.time.Duration.ofDays(28), "/public/survey/")).getRawPath();
    String bobPage = URI.create(links.issue(bob.id(), io.careflow.followup.SendFollowUpDelegate.SURVEY_PURPOSE,
        java.time.Duration.ofDays(28), "/public/survey/")).getRawPath();

    var aliceForm = http.get(null, alicePage);
    assertThat(aliceForm.status()).isEqualTo(200);
    assertThat(aliceForm.body()).contains("lang=\"en\"")
        .doesNotContain("Bob", "Othername", "BO-888", bob.id(), bob.customerId());
    assertThat(http.get(null, bobPage).body()).contains("lang=\"pl\"")
        .doesNotContain("Alice", "Uniquename", "AL-777", alice.id(), alice.customerId());

    // alice's link id with bob's signature, and the other way round: forged
    String aliceId = alicePage.substring(alicePage.lastIndexOf('/') + 1, alicePage.indexOf('.'));
    String bobId = bobPage.substring(bobPage.lastIndexOf('/') + 1, bobPage.indexOf('.'));
    String swapped = alicePage.replace(aliceId, bobId);
    assertThat(http.get(null, swapped).status()).isEqualTo(404);
    assertThat(http.get(null, bobPage.replace(bobId, aliceId)).status()).isEqualTo(404);
    assertThat(http.post(null, swapped, "application/x-www-form-urlencoded", "csat=1&nps=0&ces=1").status())
        .isEqualTo(404);
    assertThat(surveyAnswers.of(bob.id())).isEmpty();

    // alice answers through her link: stored for her case only; her link is spent, bob's is not
    assertThat(http.post(null, alicePage, "application/x-www-form-urlencoded", "csat=5&nps=10&ces=7").status())
        .isEqualTo(200);
    assertThat(surveyAnswers.of(alice.id())).isPresent();
    assertThat(surveyAnswers.of(bob.id())).isEmpty();
    assertThat(http.get(null, alicePage).status()).isEqualTo(410);
    assertThat(http.post(null, alicePage, "application/x-www-form-urlencoded", "csat=1&nps=0&ces=1").status())
        .isEqualTo(410);
    assertThat(http.get(null, bobPage).status()).isEqualTo(200);
  }

  record Answer(int status, String body) {
    String describe() {
      return status + " " + (body.length() > 200 ? body.substring(0, 200) + "…" : body);
    }
  }

  /** null when the answer is what the cell says, else what was answered. */
  private static String check(String expected, Answer answer) {
    boolean holds = switch (expected) {
      case "✔" -> answer.status() / 100 == 2 || answer.status() == 400;
      case "∅" -> answer.status() == 200 && emptyList(answer.body());
      default -> answer.status() == Integer.parseInt(expected);
    };
    return holds ? null : answer.describe();
  }

  private static boolean emptyList(String body) {
    try {
      JsonNode json = JSON.readTree(body);
      // a list, or a page of the case search ({"items": [], "total": 0, …})
      return json.isArray() ? json.isEmpty()
          : json.path("items").isArray() && json.path("items").isEmpty() && json.path("total").asLong(-1) == 0;
    } catch (IOException e) {
      return false;
    }
  }

  /** The probe bodies: incomplete where an allowed call must change nothing. */
  private static String body(Row row) {
    String path = row.path();
    if (path.endsWith("/complete")) {
      return "{\"variables\": {\"replyText\": {\"value\": \"\"}}}";
    }
    if (path.endsWith("/claim")) {
      return "{\"userId\": \"boris\"}";
    }
    if (path.equals("/engine-rest/user/create") || path.startsWith("/camunda/api/admin/setup")) {
      return "{\"profile\": {\"id\": \"" + PROBE + "-" + UUID.randomUUID().toString().substring(0, 8)
          + "\", \"firstName\": \"P\", \"lastName\": \"R\", \"email\": \"p@example.com\"},"
          + " \"credentials\": {\"password\": \"matrix-probe-password\"}}";
    }
    if (path.equals("/engine-rest/authorization/create")) {
      return "{\"type\": 1, \"permissions\": [\"READ\"], \"userId\": \"" + PROBE + "\", \"groupId\": null,"
          + " \"resourceType\": 0, \"resourceId\": \"" + PROBE + "\"}";
    }
    if (path.endsWith("/arrival")) {
      // the probe case is no return waiting for a parcel: overlong notes get the allowed a 400
      return "{\"parcelNotes\": \"" + "x".repeat(2001) + "\"}";
    }
    if (path.equals("/engine-rest/filter/create")) {
      return "{\"resourceType\": \"Task\", \"name\": \"" + PROBE + "\", \"query\": {\"candidateGroup\": \"agents\"}}";
    }
    return "{}";
  }

  private Answer send(Row row, String user, Map<String, String> values) throws Exception {
    if (row.method().equals("login")) {
      return login(row.path().replace("to ", "").toLowerCase(), user);
    }
    String path = row.path();
    for (var value : values.entrySet()) {
      path = path.replace(value.getKey(), value.getValue());
    }
    if (path.equals("/engine-rest/deployment/create")) {
      // what Camunda Modeler's deploy sends: a multipart deployment of one model
      Http.Response deployed = new Http(baseUrl()).deploy(user.equals("anonymous") ? null : user, PROBE, "probe.bpmn",
          Bpmn.convertToString(Bpmn.createExecutableProcess("matrix-probe-" + user).camundaHistoryTimeToLive(1)
              .startEvent().endEvent().done()));
      return new Answer(deployed.status(), deployed.body());
    }
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path));
    if (!user.equals("anonymous")) {
      request.header("Authorization", basic(user));
    }
    switch (row.method()) {
      case "GET" -> request.GET();
      case "DELETE" -> request.DELETE();
      default -> request.header("Content-Type", "application/json")
          .method(row.method(), HttpRequest.BodyPublishers.ofString(body(row)));
    }
    HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(),
        HttpResponse.BodyHandlers.ofString());
    return new Answer(response.statusCode(), response.body());
  }

  /** The webapps' own login (session cookie and CSRF token, as the browser does it). */
  private Answer login(String app, String user) throws Exception {
    var cookies = new CookieManager();
    HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();
    client.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/camunda/app/" + app + "/default/")).GET().build(),
        HttpResponse.BodyHandlers.discarding());
    String csrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue).findFirst().orElse("");
    String name = user.equals("anonymous") ? "" : user;
    HttpResponse<String> response = client.send(HttpRequest.newBuilder(
            URI.create(baseUrl() + "/camunda/api/admin/auth/user/default/login/" + app))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", csrf)
        .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(name, StandardCharsets.UTF_8)
            + "&password=" + URLEncoder.encode(name, StandardCharsets.UTF_8)))
        .build(), HttpResponse.BodyHandlers.ofString());
    return new Answer(response.statusCode(), response.body());
  }

  private static String basic(String user) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
  }
}
