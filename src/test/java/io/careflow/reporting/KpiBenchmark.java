package io.careflow.reporting;

import static io.careflow.system.SqlTimes.utc;

import com.zaxxer.hikari.HikariDataSource;
import io.careflow.sla.BusinessHoursProperties;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.jdbc.core.simple.JdbcClient;

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
  static final String[] CHANNELS = {"EMAIL", "EMAIL", "EMAIL", "CHAT", "CHAT", "PHONE", "MISSED_CALL", "WEB_FORM",
      "SOCIAL", "SMS"};
  static final String[] TOPICS = {"INQUIRY", "INQUIRY", "COMPLAINT", "RETURN", "DEFECT"};
  static final String[] TEAMS = {"team-inquiries", "team-inquiries", "team-complaints", "team-returns",
      "team-replacements"};
  static final String[] SKU_PREFIXES = {"KET-", "TV-", "SOF-", "SHO-", "PHN-", "XYZ-"};
  static final String[] REASONS = {"WRONG_SIZE", "NOT_AS_DESCRIBED", "DAMAGED_ON_ARRIVAL", "CHANGED_MIND",
      "FOUND_CHEAPER", "ARRIVED_LATE", "OTHER"};

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
    KpiFilter filtered = new KpiFilter(START, yearEnd, io.careflow.contact.Channel.EMAIL, "team-complaints", null);
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
  public static void generate(DataSource dataSource, int count) throws Exception {
    var random = new Random(42);
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      PreparedStatement customer = c.prepareStatement(
          "insert into customer (id, name, language, created_at) values (?, 'Bulk', 'pl', ?)");
      PreparedStatement contact = c.prepareStatement("insert into contact (id, channel, customer_id, received_at,"
          + " topic, protocol, status, team, first_reply_at, first_reply_working_minutes, resolved_at,"
          + " first_contact_resolved, product_sku, created_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'bulk')");
      PreparedStatement message = c.prepareStatement("insert into message (id, contact_id, direction, channel,"
          + " author, body, status, created_at, kind) values (?, ?, ?, ?, 'anna', 'text', 'SENT', ?, ?)");
      PreparedStatement deadline = c.prepareStatement("insert into deadline (id, contact_id, step, target,"
          + " warning_fraction, started_at, warning_at, due_at, escalation_at, completed_at, met, breached_at)"
          + " values (?, ?, 'reply', 'PT6H', 0.75, ?, ?, ?, ?, ?, ?, ?)");
      PreparedStatement survey = c.prepareStatement("insert into survey_answer (id, contact_id, csat, nps, ces,"
          + " answered_at) values (?, ?, ?, ?, ?, ?)");
      PreparedStatement returns = c.prepareStatement("insert into return_request (id, contact_id, reason,"
          + " submitted_at) values (?, ?, ?, ?)");
      List<String> customers = new ArrayList<>();
      long yearSeconds = Duration.ofDays(365).toSeconds();
      for (int i = 0; i < count; i++) {
        String customerId;
        if (!customers.isEmpty() && random.nextInt(10) == 0) {
          customerId = customers.get(random.nextInt(customers.size()));
        } else {
          customerId = UUID.randomUUID().toString();
          customers.add(customerId);
          customer.setString(1, customerId);
          customer.setObject(2, utc(START));
          customer.addBatch();
        }
        String id = UUID.randomUUID().toString();
        Instant received = START.plusSeconds((long) (random.nextDouble() * yearSeconds));
        int t = random.nextInt(TOPICS.length);
        boolean open = random.nextInt(100) == 0;
        long minutes = (long) Math.min(2000, -Math.log(1 - random.nextDouble()) * 120);
        Instant replied = received.plusSeconds(minutes * 60 + random.nextInt(3600));
        Instant resolved = replied.plusSeconds(random.nextInt(86400));
        String channel = CHANNELS[random.nextInt(CHANNELS.length)];
        contact.setString(1, id);
        contact.setString(2, channel);
        contact.setString(3, customerId);
        contact.setObject(4, utc(received));
        contact.setString(5, TOPICS[t]);
        contact.setString(6, TOPICS[t].toLowerCase());
        contact.setString(7, open ? "OPEN" : random.nextInt(20) == 0 ? "CLOSED" : "RESOLVED");
        contact.setString(8, TEAMS[t]);
        contact.setObject(9, open ? null : utc(replied));
        contact.setObject(10, open ? null : minutes);
        contact.setObject(11, open ? null : utc(resolved));
        contact.setObject(12, random.nextInt(4) == 0 ? Boolean.FALSE : null);
        // 600 products over the categories of routing.dmn, and some it does not know
        contact.setString(13, random.nextInt(5) == 0 ? null
            : SKU_PREFIXES[random.nextInt(SKU_PREFIXES.length)] + random.nextInt(100));
        contact.addBatch();
        if (!open) {
          message(message, id, "OUT", channel, replied, random.nextInt(8) == 0 ? "QUESTION" : "ANSWER");
          if (random.nextBoolean()) {
            message(message, id, random.nextBoolean() ? "IN" : "OUT", channel, resolved,
                random.nextBoolean() ? "CUSTOMER" : "NOTICE");
          }
        }
        Instant due = received.plusSeconds(6 * 3600);
        boolean met = !open && !replied.isAfter(due);
        deadline.setString(1, UUID.randomUUID().toString());
        deadline.setString(2, id);
        deadline.setObject(3, utc(received));
        deadline.setObject(4, utc(received.plusSeconds(4 * 3600)));
        deadline.setObject(5, utc(due));
        deadline.setObject(6, utc(due.plusSeconds(6 * 3600)));
        deadline.setObject(7, open ? null : utc(replied));
        deadline.setObject(8, open ? null : met);
        deadline.setObject(9, open || met ? null : utc(due));
        deadline.addBatch();
        if (!open && random.nextInt(10) < 3) {
          survey.setString(1, UUID.randomUUID().toString());
          survey.setString(2, id);
          survey.setInt(3, 1 + random.nextInt(5));
          survey.setInt(4, random.nextInt(11));
          survey.setInt(5, 1 + random.nextInt(7));
          survey.setObject(6, utc(resolved.plusSeconds(3600)));
          survey.addBatch();
        }
        if (TOPICS[t].equals("RETURN") || random.nextInt(10) == 0) {
          returns.setString(1, UUID.randomUUID().toString());
          returns.setString(2, id);
          returns.setString(3, REASONS[random.nextInt(REASONS.length)]);
          returns.setObject(4, utc(received.plusSeconds(600)));
          returns.addBatch();
        }
        if (i % 5000 == 4999 || i == count - 1) {
          for (PreparedStatement s : List.of(customer, contact, message, deadline, survey, returns)) {
            s.executeBatch();
          }
          c.commit();
        }
      }
    }
  }

  private static void message(PreparedStatement message, String contactId, String direction, String channel,
      Instant at, String kind) throws Exception {
    message.setString(1, UUID.randomUUID().toString());
    message.setString(2, contactId);
    message.setString(3, direction);
    message.setString(4, channel);
    message.setObject(5, utc(at));
    message.setString(6, kind);
    message.addBatch();
  }
}
