package io.careflow.users;

import static org.assertj.core.api.Assertions.assertThat;

import io.careflow.support.CareflowIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;

/**
 * The operator imports the shop's staff from a YAML file through the API, as the administrator:
 * users and memberships are created once (a second import changes nothing), and a file with an
 * unknown group, a user named twice, a weak password or a bad e-mail is refused whole with each
 * problem's line, and nothing of it is imported.
 */
class UserImportTest extends CareflowIntegrationTest {

  /** The users a test imported: removed after it, the other tests share this careflow's teams. */
  private final java.util.List<String> imported = new java.util.ArrayList<>();

  @org.junit.jupiter.api.AfterEach
  void removeImportedUsers() {
    imported.forEach(processEngine.getIdentityService()::deleteUser);
  }

  private HttpResponse<String> post(String user, String yaml) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl() + UserImportController.PATH))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user)
            .getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "application/yaml")
        .POST(HttpRequest.BodyPublishers.ofString(yaml, StandardCharsets.UTF_8)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void shouldImportStaffOnceAndChangeNothingTheSecondTime() throws Exception {
    String kasia = "kasia-" + UUID.randomUUID().toString().substring(0, 8);
    String piotr = "piotr-" + UUID.randomUUID().toString().substring(0, 8);
    imported.addAll(java.util.List.of(kasia, piotr));
    String file = """
        users:
          - id: %s
            firstName: Katarzyna
            lastName: Zielińska
            email: kasia@shop.example
            password: "Kasia-start-2026!"
            groups: [agents, team-complaints, lang-pl]
          - id: %s
            firstName: Piotr
            lastName: Lis
            email: piotr@shop.example
            password: "Lead-start-2026!"
            groups: [team-leads]
        """.formatted(kasia, piotr);

    HttpResponse<String> first = post("demo", file);
    HttpResponse<String> second = post("demo", file);

    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
    assertThat(first.body()).contains("\"created\":2").contains("\"membershipsAdded\":4");
    assertThat(second.body()).contains("\"created\":0").contains("\"updated\":0").contains("\"unchanged\":2")
        .contains("\"membershipsAdded\":0");
    IdentityService identity = processEngine.getIdentityService();
    assertThat(identity.createUserQuery().userId(kasia).singleResult().getLastName()).isEqualTo("Zielińska");
    assertThat(identity.createGroupQuery().groupMember(kasia).list()).extracting("id")
        .containsExactlyInAnyOrder("agents", "team-complaints", "lang-pl");
    assertThat(identity.checkPassword(kasia, "Kasia-start-2026!")).isTrue();
  }

  @Test
  void shouldImportTheExampleOfTheDocsAsItIs() throws Exception {
    String doc = java.nio.file.Files.readString(java.nio.file.Path.of("docs", "operations.md"));
    String example = doc.substring(doc.indexOf("<!-- users-example:start -->"), doc.indexOf("<!-- users-example:end -->"))
        .replaceAll("(?s)^[^`]*```\\n", "").replaceAll("(?s)```.*", "");
    imported.addAll(java.util.List.of("kasia", "gateway"));

    HttpResponse<String> response = post("demo", example);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.body()).contains("\"created\":2");
  }

  @Test
  void shouldRefuseAPasswordThatContainsTheUsersNameAsTheEngineWould() throws Exception {
    String gateway = "gateway-" + UUID.randomUUID().toString().substring(0, 8);
    imported.add(gateway);
    String file = """
        users:
          - id: %s
            firstName: Mail
            lastName: Gateway
            password: "Mail-Relay-Secret-2026!"
            groups: [integrations]
        """.formatted(gateway);

    HttpResponse<String> refused = post("demo", file);

    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    assertThat(refused.body()).contains("(line 2)").contains("none of the user's id or names");
    assertThat(processEngine.getIdentityService().createUserQuery().userId(gateway).count()).isZero();
  }

  @Test
  void shouldRefuseAFileWithAnyBadLineWholeNamingEachLine() throws Exception {
    String good = "good-" + UUID.randomUUID().toString().substring(0, 8);
    String twice = "twice-" + UUID.randomUUID().toString().substring(0, 8);
    imported.addAll(java.util.List.of(good, twice));
    String file = """
        users:
          - id: %s
            firstName: Good
            password: "Good-start-2026!"
            groups: [agents]
          - id: %s
            password: "Twice-start-2026!"
            groups: [team-nonsense]
          - id: %s
            password: weak
            email: not-an-address
            groups: [agents]
        """.formatted(good, twice, twice);

    HttpResponse<String> refused = post("demo", file);

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).contains("problem+json");
    assertThat(refused.body())
        .contains("users." + twice + " (line 6)", "group team-nonsense is unknown")
        .contains("users." + twice + " (line 9)", "names the user " + twice + " a second time")
        .contains("email is not an e-mail address")
        .contains("password does not meet the password policy: it needs at least 10 characters");
    assertThat(processEngine.getIdentityService().createUserQuery().userIdIn(good, twice).count()).isZero();
  }

  @Test
  void shouldRefuseAnEmptyOrUnreadableFileAndEveryoneButTheAdministrator() throws Exception {
    assertThat(post("demo", "").statusCode()).isEqualTo(400);
    HttpResponse<String> unreadable = post("demo", "users:\n  - id: [unclosed\n");
    assertThat(unreadable.statusCode()).isEqualTo(400);
    assertThat(unreadable.body()).contains("cannot be read");
    HttpResponse<String> unknown = post("demo", "users:\n  - id: x1\n    role: boss\n");
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(post("maria", "users: []").statusCode()).isEqualTo(403);
  }
}
