package io.careflow.reporting;

import com.zaxxer.hikari.HikariDataSource;
import io.careflow.calendar.BusinessHoursProperties;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import io.careflow.casefile.ContactEvents;
import io.careflow.casefile.ContactRepository;
import io.careflow.communication.MessageRepository;
import io.careflow.customer.CustomerRepository;
import io.careflow.protocol.returns.ReturnRequests;
import io.careflow.sla.DeadlineRepository;
import io.careflow.survey.SurveyAnswers;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Query time of the KPIs on a bulk-generated data set — careflow's tables only (the KPIs read
 * no engine table), written with JDBC batches, migrated by the real Flyway scripts, on H2 and
 * on embedded PostgreSQL 17. Off in the normal build:
 *
 * <pre>./mvnw test -Dtest=KpiBenchmark -Dcareflow.benchmark.contacts=100000 [-Dcareflow.benchmark.db=h2|postgres]</pre>
 *
 * One year of closed contacts (plus 1% open), 1.5 messages, one reply deadline each, a survey
 * answer for 30%, a return reason for 10%; customers come back now and then. Prints the time
 * of each query (best of 3, after one warm-up run).
 */
@EnabledIfSystemProperty(named = "careflow.benchmark.contacts", matches = "\\d+")
public class KpiBenchmark {

  public static final Instant START = Instant.parse("2025-01-01T00:00:00Z");
  @Test
  void measure() throws Exception {
    int contacts = Integer.getInteger("careflow.benchmark.contacts");
    String db = System.getProperty("careflow.benchmark.db", "both");
    if (!db.equals("postgres")) {
      var h2 = new HikariDataSource();
      h2.setJdbcUrl("jdbc:h2:mem:benchmark;DB_CLOSE_DELAY=-1");
      h2.setUsername("sa");
      try (h2) {
        run("H2 2.3", h2, contacts);
      }
    }
    if (!db.equals("h2")) {
      try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
          HikariDataSource pg = new HikariDataSource()) {
        pg.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        pg.setUsername("postgres");
        pg.setPassword("postgres");
        run("PostgreSQL 17", pg, contacts);
      }
    }
  }

  private void run(String name, DataSource dataSource, int contacts) throws Exception {
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    long t0 = System.nanoTime();
    generate(dataSource, contacts);
    if (name.startsWith("PostgreSQL")) {
      JdbcClient.create(dataSource).sql("analyze").update();
    }
    System.out.printf("%n[benchmark] %s: %,d contacts generated in %.1f s%n", name, contacts,
        (System.nanoTime() - t0) / 1e9);

    var shopTime = new BusinessHoursProperties(ZoneId.of("Europe/Warsaw"),
        Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY),
        LocalTime.of(9, 0), LocalTime.of(17, 0), new BusinessHoursProperties.Holidays("PL", List.of()));
    var service = new KpiService(new KpiRepository(JdbcClient.create(dataSource)),
        new ReportedTopics(() -> List.of("COMPLAINT", "DEFECT", "RETURN", "INQUIRY"), JdbcClient.create(dataSource)),
        shopTime,
        Clock.fixed(START.plus(Duration.ofDays(366)), ZoneOffset.UTC),
        ProductCategories.of(KpiBenchmark.class.getResourceAsStream("/processes/routing.dmn")));
    Instant yearEnd = START.plus(Duration.ofDays(365));
    KpiFilter year = new KpiFilter(START, yearEnd, null, null, null);
    KpiFilter month = new KpiFilter(START.plus(Duration.ofDays(151)), START.plus(Duration.ofDays(181)), null, null,
        null);
    KpiFilter filtered = new KpiFilter(START, yearEnd, io.careflow.casefile.Channel.EMAIL, "team-complaints", null);
    if (Boolean.getBoolean("careflow.benchmark.parts")) {
      var repository = new KpiRepository(JdbcClient.create(dataSource));
      ZoneId zone = shopTime.zone();
      time(name, "  volume + FCR", () -> (long) repository.volume(year, zone).size());
      time(name, "  SLA per channel", () -> (long) repository.sla(year, zone).size());
      time(name, "  first-reply histogram", () -> (long) repository.firstReplyHistogram(year, zone).size());
      time(name, "  surveys", () -> repository.surveys(year, zone).answers());
      time(name, "  return reasons", () -> (long) repository.returns(year, zone).size());
      time(name, "  backlog", () -> (long) repository.backlog(year, yearEnd, yearEnd).size());
    }
    time(name, "GET /api/kpis, the whole year (" + contacts + " contacts)", () -> service.of(year).contacts());
    time(name, "GET /api/kpis, one month", () -> service.of(month).contacts());
    time(name, "GET /api/kpis, the year, channel=EMAIL&team=team-complaints", () -> service.of(filtered).contacts());
    time(name, "GET /api/kpis/daily, the whole year (365 days)", () -> (long) service.daily(year).size());
    time(name, "GET /api/kpis/daily, one month", () -> (long) service.daily(month).size());
  }

  private static void time(String db, String what, Supplier<Long> query) {
    query.get();
    long best = Long.MAX_VALUE;
    long result = 0;
    for (int i = 0; i < 3; i++) {
      long t = System.nanoTime();
      result = query.get();
      best = Math.min(best, System.nanoTime() - t);
    }
    System.out.printf("[benchmark] %s: %-70s %8.0f ms  (%d)%n", db, what, best / 1e6, result);
  }

  /** Contacts spread over one year, closed except 1%; 10% of customers come back. */
  public static void generate(DataSource dataSource, int count) {
    history(dataSource).write(START, START.plus(Duration.ofDays(365)), count, 42, true, 10, "bulk", written -> {});
  }

  /**
   * The history writer on a bare data source, without the application: each table's owner on its own
   * JDBC access. The bulk inserts use only the database, so the collaborators of the owners' other
   * use cases (public links, files, the engine) are left out.
   */
  static ContactHistory history(DataSource dataSource) {
    var jdbc = JdbcClient.create(dataSource);
    var batches = new NamedParameterJdbcTemplate(dataSource);
    var clock = Clock.systemUTC();
    var events = new ContactEvents(jdbc, batches, clock);
    return new ContactHistory(new CustomerRepository(jdbc, batches), new ContactRepository(jdbc, batches), events,
        new MessageRepository(jdbc, batches), new DeadlineRepository(jdbc, batches),
        new SurveyAnswers(jdbc, batches, null, events, clock),
        new ReturnRequests(jdbc, batches, events, null, null, clock, null),
        new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
  }
}
