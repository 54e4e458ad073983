package io.careflow.demo;

import io.careflow.protocol.complaint.ComplaintProcess;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.careflow.CareflowApplication;
import io.careflow.casefile.Channel;
import io.careflow.support.Http;
import io.careflow.support.OwnCareflow;
import io.careflow.support.TestMail;
import io.careflow.system.Groups;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo's shop with a past: a fresh demo database gets about 90 days of finished contacts
 * that the KPIs and the dashboard show, and open cases in every state, made by the real
 * processes; a restart adds nothing.
 */
@Tag(OwnCareflow.TAG)
class DemoHistoryTest {

  @TempDir
  Path data;

  private ConfigurableApplicationContext start() {
    return new SpringApplicationBuilder(CareflowApplication.class).run(
        "--server.port=0",
        "--spring.mail.port=" + TestMail.port(),
        "--logging.level.root=WARN",
        "--spring.datasource.url=jdbc:h2:file:" + data.resolve("careflow") + ";DB_CLOSE_ON_EXIT=FALSE");
  }

  @Test
  void shouldGiveAFreshDemoDatabaseNinetyDaysOfPastAndOpenCasesInEveryStateOnce() {
    long contacts;
    long tasks;
    try (var context = start()) {
      ProcessEngine engine = context.getBean(ProcessEngine.class);
      JdbcClient jdbc = context.getBean(JdbcClient.class);
      Http http = new Http("http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort());
      awaitIdleJobExecutor(engine);

      String period = "?from=" + OffsetDateTime.now(ZoneOffset.UTC).minusDays(100) + "&to="
          + OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(1);
      JsonNode kpis = http.get("maria", "/api/kpis" + period).json();
      assertThat(kpis.get("contacts").asLong()).isGreaterThan(2000);
      List<String> channels = new ArrayList<>();
      kpis.get("contactsByChannel").fieldNames().forEachRemaining(channels::add);
      assertThat(channels).containsAll(Arrays.stream(Channel.values()).map(Enum::name).toList());
      assertThat(kpis.get("contactsByTopic").size()).isGreaterThanOrEqualTo(4);
      // most cases resolved in the first contact, not all (a question asked back, a customer who wrote again)
      assertThat(kpis.get("fcrRate").asDouble()).isBetween(0.4, 0.95);
      // deadlines met and missed
      JsonNode sla = kpis.get("slaCompliance");
      assertThat(sla.get("met").asLong()).isPositive().isLessThan(sla.get("decided").asLong());
      // surveys with promoters and detractors
      JsonNode surveys = kpis.get("surveys");
      assertThat(surveys.get("answers").asLong()).isGreaterThan(300);
      assertThat(surveys.get("promoters").asLong()).isPositive();
      assertThat(surveys.get("detractors").asLong()).isPositive();
      assertThat(kpis.get("csatAverage").isNumber()).isTrue();
      assertThat(kpis.get("nps").isNumber()).isTrue();
      assertThat(kpis.get("cesAverage").isNumber()).isTrue();
      // return reasons, by product category
      assertThat(kpis.get("returnReasons").size()).isGreaterThanOrEqualTo(5);
      List<String> categories = new ArrayList<>();
      kpis.get("returnsByCategory").forEach(c -> {
        if (!c.get("category").isNull() && c.get("reasons").size() > 0) {
          categories.add(c.get("category").asText());
        }
      });
      assertThat(categories).hasSizeGreaterThanOrEqualTo(3);
      // contacts on (nearly) every day of 90
      JsonNode days = http.get("maria", "/api/kpis/daily" + period).json();
      long daysWithContacts = 0;
      for (JsonNode day : days) {
        daysWithContacts += day.get("contacts").asLong() > 0 ? 1 : 0;
      }
      assertThat(daysWithContacts).isGreaterThanOrEqualTo(80);
      assertThat(http.get("maria", "/dashboard").body()).contains("<svg");
      // three languages; customers who came back
      assertThat(jdbc.sql("select distinct language from contact where language is not null").query(String.class)
          .list()).containsExactlyInAnyOrder("pl", "en", "ru");
      assertThat(jdbc.sql("select count(*) from (select customer_id from contact group by customer_id"
          + " having count(*) > 1) returning_customers").query(Long.class).single()).isGreaterThan(100);

      // the open cases, made by the processes
      assertThat(engine.getTaskService().createTaskQuery().count()).isGreaterThanOrEqualTo(20);
      assertThat(jdbc.sql("select count(*) from deadline d join contact c on c.id = d.contact_id"
          + " where c.status = 'OPEN' and d.breached_at is not null and d.completed_at is null").query(Long.class).single())
          .isGreaterThanOrEqualTo(4);
      assertThat(jdbc.sql("select count(*) from contact where status = 'WAITING_FOR_CUSTOMER'").query(Long.class)
          .single()).isEqualTo(4);
      assertThat(engine.getTaskService().createTaskQuery().taskDefinitionKey(ComplaintProcess.Elements.USER_APPROVE_COMPENSATION)
          .taskCandidateGroup(Groups.TEAM_LEADS).count()).isEqualTo(3);
      assertThat(jdbc.sql("select count(*) from message m join contact c on c.id = m.contact_id"
          + " where c.topic = 'RETURN' and c.status = 'OPEN' and m.kind = 'NOTICE' and m.status = 'SENT'")
          .query(Long.class).single()).isGreaterThanOrEqualTo(3);
      JsonNode backlog = kpis.get("backlogByTeam");
      long breached = 0;
      long waiting = 0;
      for (JsonNode team : backlog) {
        breached += team.get("breached").asLong();
        waiting += team.get("waitingForCustomer").asLong();
      }
      assertThat(waiting).isEqualTo(4);
      assertThat(breached).isGreaterThanOrEqualTo(4);

      contacts = jdbc.sql("select count(*) from contact").query(Long.class).single();
      tasks = engine.getTaskService().createTaskQuery().count();
    }

    try (var restarted = start()) {
      assertThat(restarted.getBean(JdbcClient.class).sql("select count(*) from contact").query(Long.class).single())
          .isEqualTo(contacts);
      assertThat(restarted.getBean(ProcessEngine.class).getTaskService().createTaskQuery().count())
          .isEqualTo(tasks);
    }
  }

  /** The job executor runs here as in production: wait (bounded) until nothing is left to run. */
  private static void awaitIdleJobExecutor(ProcessEngine engine) {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (engine.getManagementService().createJobQuery().executable().count() > 0) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("jobs still waiting after 60 s");
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
