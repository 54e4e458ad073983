package io.careflow.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.careflow.CareflowApplication;
import io.careflow.support.OwnCareflow;
import io.careflow.support.TestMail;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Secrets and defaults: careflow started for real with profile
 * {@code postgres} refuses to start with demo users — the demo profile, or demo users with
 * their known passwords already in the database — and without a proper administrator and
 * link secret from the environment. Each refusal is a real start whose failure message is
 * checked.
 */
@Tag(OwnCareflow.TAG)
class SecretsAndDefaultsTest {

  private static ConfigurableApplicationContext start(String... extraArgs) {
    List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.mail.port=" + TestMail.port(),
        "--logging.level.root=WARN", "--spring.profiles.active=postgres"));
    args.addAll(List.of(extraArgs));
    return new SpringApplicationBuilder(CareflowApplication.class).run(args.toArray(String[]::new));
  }

  private static Throwable rootCause(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause;
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "no administrator                | ''                              | ''                        | " + "LINK" + " | CAREFLOW_ADMIN_PASSWORD",
      "administrator without password  | --CAREFLOW_ADMIN_USER=admin     | ''                        | LINK | CAREFLOW_ADMIN_PASSWORD",
      "short password                  | --CAREFLOW_ADMIN_USER=admin     | --CAREFLOW_ADMIN_PASSWORD=short | LINK | at least 12 characters",
      "password = user name            | --CAREFLOW_ADMIN_USER=administrator1 | --CAREFLOW_ADMIN_PASSWORD=administrator1 | LINK | differ from the user name",
      "no link secret                  | --CAREFLOW_ADMIN_USER=admin     | --CAREFLOW_ADMIN_PASSWORD=Correct-horse-battery-7 | '' | CAREFLOW_LINK_SECRET",
      "the docs' example password      | --CAREFLOW_ADMIN_USER=admin     | --CAREFLOW_ADMIN_PASSWORD=Your-own-secret-12+ | LINK | the example of the docs",
      "the docs' example link secret   | --CAREFLOW_ADMIN_USER=admin     | --CAREFLOW_ADMIN_PASSWORD=Correct-horse-battery-7 | --CAREFLOW_LINK_SECRET=a-secret-of-at-least-32-characters | CAREFLOW_LINK_SECRET"})
  void shouldRefuseToStartWithoutProperSecrets(String what, String user, String password, String link,
      String message) {
    List<String> args = new ArrayList<>();
    for (String arg : List.of(user, password)) {
      if (!arg.isBlank()) {
        args.add(arg);
      }
    }
    if (link.equals("LINK")) {
      args.add("--CAREFLOW_LINK_SECRET=" + "s".repeat(40));
    } else if (!link.isBlank()) {
      args.add(link);
    }
    assertThatThrownBy(() -> start(args.toArray(String[]::new)).close()).as(what)
        .hasMessageContaining(message);
  }

  @Test
  @ExtendWith(OutputCaptureExtension.class)
  void shouldPrintARefusalAsOneReportWithoutAStackTrace(CapturedOutput output) {
    assertThatThrownBy(() -> start("--CAREFLOW_ADMIN_USER=admin").close()).isInstanceOf(StartRefused.class);

    assertThat(output.getAll()).contains("APPLICATION FAILED TO START")
        .contains("careflow refused to start: Profile 'postgres' needs the first administrator from the environment")
        .doesNotContain("\tat ").doesNotContain("Exception:");
  }

  @Test
  void shouldRefuseTheDemoProfileWithPostgres() {
    assertThatThrownBy(() -> start("--spring.profiles.active=postgres,demo", "--CAREFLOW_ADMIN_USER=admin",
        "--CAREFLOW_ADMIN_PASSWORD=Correct-horse-battery-7", "--CAREFLOW_LINK_SECRET=" + "s".repeat(40)).close())
        .hasMessageContaining("Profile 'demo' creates users with known passwords");
  }

  @Test
  void shouldRefuseToStartWhileDemoUsersKeepTheirKnownPasswords() throws Exception {
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
      String[] args = {"--CAREFLOW_DB_URL=" + postgres.getJdbcUrl("postgres", "postgres"),
          "--CAREFLOW_DB_USER=postgres", "--CAREFLOW_DB_PASSWORD=postgres",
          "--CAREFLOW_ADMIN_USER=admin", "--CAREFLOW_ADMIN_PASSWORD=Correct-horse-battery-7",
          "--CAREFLOW_LINK_SECRET=" + "s".repeat(40), "--camunda.bpm.job-execution.enabled=false"};
      try (var first = start(args)) {
        // production cookies: Secure even on plain HTTP (the proxy in front speaks HTTPS)
        var page = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://localhost:" + first.getEnvironment().getProperty("local.server.port")
                    + "/camunda/app/tasklist/default/")).GET().build(),
            java.net.http.HttpResponse.BodyHandlers.discarding());
        assertThat(page.headers().allValues("Set-Cookie"))
            .anySatisfy(c -> assertThat(c).startsWith("XSRF-TOKEN=").contains("Secure"))
            .anySatisfy(c -> assertThat(c).startsWith("JSESSIONID=").contains("Secure").contains("HttpOnly"));
        // someone copies the demo users into the production database
        IdentityService identity = first.getBean(ProcessEngine.class).getIdentityService();
        for (String id : List.of("anna", "maria")) {
          User user = identity.newUser(id);
          user.setPassword(id);
          // copied, not created through Admin: past the password policy, which refuses such a password
          ((org.camunda.bpm.engine.impl.IdentityServiceImpl) identity).saveUser(user, true);
        }
      }

      assertThatThrownBy(() -> start(args).close())
          .satisfies(e -> assertThat(rootCause(e).getMessage())
              .contains("Demo users with their known passwords are in the database: [anna, maria]"));

      // (a start without demo users on this database is the first start above; a third careflow
      // in this JVM would meet the engine registries the refused one left behind: OwnCareflow)
    }
  }
}
