package io.careflow.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.careflow.support.CareflowIntegrationTest;
import io.careflow.support.Http;
import io.careflow.system.Groups;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code /availability}: the agent's own page. It says whether routing gives them tasks and what
 * switching does; a POST from the page switches AVAILABLE / AWAY through the same service as
 * {@code PUT /api/agents/{id}}. Refused: a form naming another agent, a POST from another site,
 * a value that is no availability, and a user who is no agent. Agents are the test's own.
 */
class AvailabilityPageTest extends CareflowIntegrationTest {

  @Autowired
  IdentityService identityService;

  Http http;
  TestAgents agents;
  String ola;
  String origin;

  @BeforeEach
  void setUp() {
    http = new Http(baseUrl());
    agents = new TestAgents(identityService, jdbc);
    ola = agents.create("ola", List.of(Groups.AGENTS, Groups.TEAM_INQUIRIES));
    origin = baseUrl();
  }

  @AfterEach
  void removeAgents() {
    agents.removeAll();
  }

  @Test
  void shouldShowTheAgentWhatSwitchingDoesAndSwitchThemAwayAndBack() {
    Http.Response page = http.get(ola, "/availability");

    assertThat(page.status()).as(page.body()).isEqualTo(200);
    assertThat(page.body()).contains("Your availability, Ola Test").contains("You are <strong>AVAILABLE</strong>")
        .contains("routing gives you no new tasks: they go to your teams' other available agents")
        .contains("a task you claimed yourself stays yours").contains("I am away")
        .contains("Open tasks counted against you: <strong>0</strong>");

    Http.Response away = http.postForm(ola, "/availability", "agent=" + ola + "&availability=AWAY",
        "Origin", origin, "Sec-Fetch-Site", "same-origin");

    assertThat(away.status()).as(away.body()).isEqualTo(302);
    assertThat(away.header("Location")).endsWith("/availability?rerouted=0");
    assertThat(http.get(ola, "/api/agents/" + ola).json().get("availability").asText()).isEqualTo("AWAY");
    Http.Response awayPage = http.get(ola, "/availability?rerouted=0");
    assertThat(awayPage.body()).contains("You are away: 0 of your open tasks went back to routing")
        .contains("You are <strong>AWAY</strong>").contains("I am available");

    Http.Response back = http.postForm(ola, "/availability", "agent=" + ola + "&availability=AVAILABLE",
        "Origin", origin);

    assertThat(back.status()).as(back.body()).isEqualTo(302);
    assertThat(back.header("Location")).endsWith("/availability");
    assertThat(http.get(ola, "/api/agents/" + ola).json().get("availability").asText()).isEqualTo("AVAILABLE");
  }

  @Test
  void shouldRefuseToChangeAnotherAgentsAvailability() {
    String piotr = agents.create("piotr", List.of(Groups.AGENTS, Groups.TEAM_INQUIRIES));

    Http.Response refused = http.postForm(ola, "/availability", "agent=" + piotr + "&availability=AWAY",
        "Origin", origin);

    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.body()).contains("You can change only your own availability");
    assertThat(http.get(piotr, "/api/agents/" + piotr).json().get("availability").asText()).isEqualTo("AVAILABLE");
    // the API refuses it too: an agent changes only their own profile
    assertThat(http.putJson(ola, "/api/agents/" + piotr, "{\"availability\": \"AWAY\"}").status()).isEqualTo(403);
  }

  @Test
  void shouldRefuseAChangeSentFromAnotherSite() {
    Http.Response forged = http.postForm(ola, "/availability", "agent=" + ola + "&availability=AWAY",
        "Origin", "https://evil.example", "Sec-Fetch-Site", "cross-site");

    assertThat(forged.status()).isEqualTo(403);
    assertThat(forged.body()).contains("own availability page");
    assertThat(http.get(ola, "/api/agents/" + ola).json().get("availability").asText()).isEqualTo("AVAILABLE");
  }

  @Test
  void shouldNameABadValueAndRefuseUsersWhoAreNoAgents() {
    Http.Response bad = http.postForm(ola, "/availability", "agent=" + ola + "&availability=ASLEEP", "Origin", origin);

    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body()).contains("availability: must be one of AVAILABLE, AWAY").doesNotContain("Exception");
    // a designer takes no tasks: the page is not for them
    assertThat(http.get("dora", "/availability").status()).isEqualTo(403);
    assertThat(http.get(null, "/availability").status()).isEqualTo(401);
  }
}
