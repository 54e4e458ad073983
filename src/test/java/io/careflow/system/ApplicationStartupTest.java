package io.careflow.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.careflow.CareflowApplication;
import io.careflow.support.Http;
import io.careflow.support.TestMail;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import io.careflow.support.OwnCareflow;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * careflow started as {@code ./mvnw spring-boot:run} starts it — the real configuration,
 * default profile {@code demo}, an H2 file database — and restarted on the same files.
 */
@Tag(OwnCareflow.TAG)
class ApplicationStartupTest {

  /** The sample contacts without the demo's past and open cases (those: DemoHistoryTest). */
  private static final String SAMPLES_ONLY = "--careflow.demo.history=false";

  @TempDir
  Path data;

  /** Starts careflow on the H2 file database in {@link #data}. */
  private ConfigurableApplicationContext start(String... extraArgs) {
    List<String> args = new ArrayList<>(List.of(
        "--spring.datasource.url=jdbc:h2:file:" + data.resolve("careflow") + ";DB_CLOSE_ON_EXIT=FALSE"));
    args.addAll(List.of(extraArgs));
    return startWith(args.toArray(String[]::new));
  }

  /** Starts careflow with the real configuration and the given arguments. */
  private static ConfigurableApplicationContext startWith(String... extraArgs) {
    List<String> args = new ArrayList<>(List.of(
        "--server.port=0",
        "--spring.mail.port=" + TestMail.port(),
        "--logging.level.root=WARN"));
    args.addAll(List.of(extraArgs));
    return new SpringApplicationBuilder(CareflowApplication.class).run(args.toArray(String[]::new));
  }

  @Test
  void shouldStartWithTheRealConfigurationAndKeepItsDataAcrossRestarts() {
    try (var context = start(SAMPLES_ONLY)) {
      ProcessEngine engine = context.getBean(ProcessEngine.class);
      Http http = new Http("http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort());

      assertThat(context.getEnvironment().getActiveProfiles()).isEmpty();
      assertThat(context.getEnvironment().getDefaultProfiles()).containsExactly("demo");
      assertThat(http.get(null, "/actuator/health").json().get("status").asText()).isEqualTo("UP");
      assertThat(http.get(null, "/actuator/health/readiness").status()).isEqualTo(200);
      assertThat(http.get(null, "/v3/api-docs").json().get("paths").has("/api/contacts")).isTrue();
      assertThat(http.get(null, "/swagger-ui/index.html").status()).isEqualTo(200);
      assertThat(http.get("demo", "/actuator/prometheus").body()).contains("jvm_memory_used_bytes");
      assertThat(http.get(null, "/actuator/prometheus").status()).isEqualTo(401);

      assertThat(engine.getIdentityService().createUserQuery().list()).extracting("id")
          .contains("demo", "anna", "boris", "maria", "intake");
      assertThat(engine.getFilterService().createFilterQuery().list()).extracting("name")
          .containsExactlyInAnyOrder(TasklistFilters.MY_TASKS, TasklistFilters.MY_TEAMS_TASKS,
              TasklistFilters.DUE_SOON);
      assertThat(engine.getRepositoryService().createDeploymentQuery().count()).isEqualTo(1);
      assertThat(engine.getRepositoryService().getDeploymentResourceNames(
          engine.getRepositoryService().createDeploymentQuery().singleResult().getId()))
          .contains("processes/contact.bpmn", "processes/inquiry.bpmn", "processes/contact-classification.dmn",
              "forms/answer-customer.form", "forms/classify-contact.form");
      // demo contacts went through the real intake: they wait in Tasklist (the complaint once its
      // acknowledgement has gone out through the job executor)
      awaitIdleJobExecutor(engine);
      assertThat(http.get("demo", "/engine-rest/task/count").json().get("count").asInt()).isEqualTo(3);
      assertThat(http.get("boris", "/engine-rest/task/count").json().get("count").asInt()).isEqualTo(2);
    }

    try (var restarted = start(SAMPLES_ONLY)) {
      ProcessEngine engine = restarted.getBean(ProcessEngine.class);
      // an unchanged restart deploys nothing and adds no demo data; the contacts are still there
      assertThat(engine.getRepositoryService().createDeploymentQuery().count()).isEqualTo(1);
      assertThat(engine.getFilterService().createFilterQuery().count()).isEqualTo(3);
      assertThat(engine.getTaskService().createTaskQuery().count()).isEqualTo(3);
      assertThat(restarted.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
          .sql("select count(*) from contact").query(Long.class).single()).isEqualTo(3);
    }
  }

  @Test
  void shouldDeployANewVersionOfAChangedModelOnly(@TempDir Path models) throws Exception {
    Path processes = Files.createDirectories(models.resolve("processes"));
    // the whole set: careflow refuses models that name a protocol, form or table that is not there
    try (var files = Files.list(Path.of("processes"))) {
      for (Path model : files.filter(f -> f.toString().endsWith(".bpmn") || f.toString().endsWith(".dmn")).toList()) {
        Files.copy(model, processes.resolve(model.getFileName().toString()));
      }
    }
    String patterns = "--camunda.bpm.deployment-resource-pattern=file:" + processes + "/*.bpmn,file:" + processes
        + "/*.dmn,classpath*:forms/**/*.form";

    try (var first = start(patterns, "--careflow.demo.sample-contacts=false")) {
      assertThat(versions(first)).containsEntry("contact", 1).containsEntry("inquiry", 1);
    }
    try (var unchanged = start(patterns, "--careflow.demo.sample-contacts=false")) {
      assertThat(versions(unchanged)).containsEntry("contact", 1).containsEntry("inquiry", 1);
      assertThat(unchanged.getBean(ProcessEngine.class).getRepositoryService().createDeploymentQuery().count())
          .isEqualTo(1);
    }

    Path inquiry = processes.resolve("inquiry.bpmn");
    Files.writeString(inquiry, Files.readString(inquiry).replace("name=\"Answer the customer\"",
        "name=\"Answer the customer now\""));

    try (var changed = start(patterns, "--careflow.demo.sample-contacts=false")) {
      assertThat(versions(changed)).containsEntry("contact", 1).containsEntry("inquiry", 2);
      assertThat(changed.getBean(ProcessEngine.class).getRepositoryService().createDeploymentQuery().count())
          .isEqualTo(2);
    }
  }

  @Test
  void shouldStartOnPostgresWithTheAdministratorFromTheEnvironmentAndNoDemoData() throws Exception {
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
        var context = startWith("--spring.profiles.active=postgres",
            "--CAREFLOW_DB_URL=" + postgres.getJdbcUrl("postgres", "postgres"),
            "--CAREFLOW_DB_USER=postgres", "--CAREFLOW_DB_PASSWORD=postgres",
            "--CAREFLOW_ADMIN_USER=admin", "--CAREFLOW_ADMIN_PASSWORD=Correct-horse-battery-7",
            "--CAREFLOW_LINK_SECRET=" + "s".repeat(40))) {
      ProcessEngine engine = context.getBean(ProcessEngine.class);
      Http http = new Http("http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort());

      assertThat(context.getEnvironment().getActiveProfiles()).containsExactly("postgres");
      assertThat(engine.getIdentityService().createUserQuery().list()).extracting("id").containsExactly("admin");
      assertThat(engine.getIdentityService().createUserQuery().memberOfGroup("camunda-admin").count()).isEqualTo(1);
      assertThat(engine.getIdentityService().createGroupQuery().groupId("team-complaints").count()).isEqualTo(1);
      assertThat(engine.getTaskService().createTaskQuery().count()).isZero();
      assertThat(http.get(null, "/actuator/health").json().get("status").asText()).isEqualTo("UP");
      assertThat(context.getBean(javax.sql.DataSource.class).getConnection().getMetaData().getDatabaseProductName())
          .isEqualTo("PostgreSQL");
    }
  }

  @Test
  void shouldRotateTheAdministratorsPasswordAtStartAndRefuseADemoPasswordWhenTheUserIsCreated() throws Exception {
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
      String[] database = {"--spring.profiles.active=postgres",
          "--CAREFLOW_DB_URL=" + postgres.getJdbcUrl("postgres", "postgres"),
          "--CAREFLOW_DB_USER=postgres", "--CAREFLOW_DB_PASSWORD=postgres", "--CAREFLOW_ADMIN_USER=admin",
          "--CAREFLOW_LINK_SECRET=" + "s".repeat(40)};
      try (var first = startWith(concat(database, "--CAREFLOW_ADMIN_PASSWORD=Correct-horse-battery-7"))) {
        String base = "http://localhost:" + ((WebServerApplicationContext) first).getWebServer().getPort();
        // the README's integration example with a demo password: refused at once, nothing stored
        var created = call(base, "POST", "/engine-rest/user/create", "admin", "Correct-horse-battery-7",
            "{\"profile\": {\"id\": \"intake\", \"firstName\": \"Intake\", \"lastName\": \"Integration\"},"
                + " \"credentials\": {\"password\": \"intake\"}}");
        assertThat(created.statusCode()).isBetween(400, 499);
        assertThat(created.body()).contains("password policy");
        assertThat(first.getBean(ProcessEngine.class).getIdentityService().createUserQuery().userId("intake")
            .count()).isZero();
        var strong = call(base, "POST", "/engine-rest/user/create", "admin", "Correct-horse-battery-7",
            "{\"profile\": {\"id\": \"intake\", \"firstName\": \"Intake\", \"lastName\": \"Integration\"},"
                + " \"credentials\": {\"password\": \"Gateway-Secret-2026!\"}}");
        assertThat(strong.statusCode()).as(strong.body()).isEqualTo(204);
      }
      // the operator changes the variable and restarts: the new password holds, the old one no longer
      try (var second = startWith(concat(database, "--CAREFLOW_ADMIN_PASSWORD=Another-horse-battery-8"))) {
        String base = "http://localhost:" + ((WebServerApplicationContext) second).getWebServer().getPort();
        assertThat(call(base, "GET", "/engine-rest/user/count", "admin", "Another-horse-battery-8", null)
            .statusCode()).isEqualTo(200);
        assertThat(call(base, "GET", "/engine-rest/user/count", "admin", "Correct-horse-battery-7", null)
            .statusCode()).isEqualTo(401);
        assertThat(call(base, "GET", "/engine-rest/user/count", "intake", "Gateway-Secret-2026!", null)
            .statusCode()).isEqualTo(200);
      }
    }
  }

  private static String[] concat(String[] args, String more) {
    String[] all = java.util.Arrays.copyOf(args, args.length + 1);
    all[args.length] = more;
    return all;
  }

  private static java.net.http.HttpResponse<String> call(String base, String method, String path, String user,
      String password, String json) throws Exception {
    var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + path))
        .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
            (user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8)))
        .header("Content-Type", "application/json")
        .method(method, json == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
            : java.net.http.HttpRequest.BodyPublishers.ofString(json));
    return java.net.http.HttpClient.newHttpClient().send(request.build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void shouldRefuseToStartOnPostgresWithoutAnAdministrator() {
    assertThatThrownBy(() -> startWith("--spring.profiles.active=postgres").close())
        .hasMessageContaining("CAREFLOW_ADMIN_PASSWORD");
    assertThatThrownBy(() -> startWith("--spring.profiles.active=postgres,demo").close())
        .hasMessageContaining("'demo'");
  }

  /** The job executor runs here as in production: wait (bounded) until nothing is left to run. */
  private static void awaitIdleJobExecutor(ProcessEngine engine) {
    long deadline = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
    while (engine.getManagementService().createJobQuery().executable().count() > 0) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("jobs still waiting after 20 s");
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  private static Map<String, Integer> versions(ConfigurableApplicationContext context) {
    return context.getBean(ProcessEngine.class).getRepositoryService().createProcessDefinitionQuery()
        .latestVersion().list().stream()
        .collect(Collectors.toMap(ProcessDefinition::getKey, ProcessDefinition::getVersion));
  }
}
