package io.careflow.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.careflow.support.AlwaysOpenHours;
import io.careflow.support.CareflowNode;
import io.careflow.support.DurablePostgres;
import io.careflow.support.IntakeClient;
import io.careflow.support.IntakeClient.Pushed;
import io.careflow.support.ReliabilityTest;
import io.careflow.support.TestMail;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * careflow on durable PostgreSQL is killed with SIGKILL while a channel
 * integration pushes 1,000 contacts from four threads, retrying every failed push with the same
 * {@code externalId}; careflow is started again and the client finishes. Every contact that was
 * acknowledged with 2xx exists exactly once with exactly one {@code contact} process, and the
 * deadline timers that came due while careflow was down fire after the restart, each once.
 *
 * <p>The timers: right before the kill 50 chat contacts arrive with {@code receivedAt} 30 seconds
 * ago. A chat gets 60 seconds (sla-policy.dmn), so their warnings (75%) come due 15 s and their
 * deadlines 30 s after they arrived — while careflow is down (it stays down at least 35 s); their
 * "twice the time" points come due after the restart. The node counts working time all day
 * ({@link AlwaysOpenHours}), so this holds at any hour the build runs.
 */
@ReliabilityTest
class CrashRecoveryTest {

  private static final int CONTACTS = 1000;
  private static final int PROBES = 50;
  private static final int REGULAR = CONTACTS - PROBES;
  private static final int THREADS = 4;
  private static final int KILL_AT = 400;
  private static final int REPLAYED = 50;
  private static final Duration MIN_OUTAGE = Duration.ofSeconds(35);
  private static final String INTAKE = "shop-integration";
  private static final String INTAKE_PASSWORD = "Integration-secret-for-tests-7";

  private static DurablePostgres database;
  private static CareflowNode careflow;

  @BeforeAll
  static void startCareflow() {
    database = DurablePostgres.start();
    careflow = new CareflowNode("crash", database, TestMail.port(), AlwaysOpenHours.arguments(Duration.ofHours(2)));
    careflow.start().awaitReady(Duration.ofMinutes(4));
    careflow.createUser(INTAKE, INTAKE_PASSWORD, "integration@shop.example", "integrations");
  }

  @AfterAll
  static void stopCareflow() throws Exception {
    if (careflow != null) {
      careflow.close();
    }
    if (database != null) {
      database.close();
    }
  }

  @Test
  void shouldKeepEveryAcknowledgedContactOnceAndFireTheTimersDueWhileCareflowWasDown() throws Exception {
    var client = new IntakeClient(careflow::baseUrl, INTAKE, INTAKE_PASSWORD, Duration.ofMinutes(5));
    var acknowledged = new AtomicInteger();
    var acknowledgedInOrder = new java.util.concurrent.ConcurrentLinkedDeque<Map<String, Object>>();
    var results = new ConcurrentHashMap<String, Pushed>();
    var next = new AtomicInteger();
    ExecutorService pushers = Executors.newFixedThreadPool(THREADS);
    Instant started = Instant.now();
    List<Future<?>> workers = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      workers.add(pushers.submit(() -> {
        for (int i = next.getAndIncrement(); i < REGULAR; i = next.getAndIncrement()) {
          Pushed pushed = client.push("/api/contacts", emailContact(i));
          results.put(pushed.externalId(), pushed);
          if (pushed.acknowledged()) {
            acknowledged.incrementAndGet();
            acknowledgedInOrder.add(emailContact(i));
          }
        }
      }));
    }

    // in the middle of the load: the chat contacts whose deadlines will fall in the outage, then SIGKILL
    await("2xx for " + KILL_AT + " contacts").atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(50))
        .until(() -> acknowledged.get() >= KILL_AT);
    Instant probesFrom = Instant.now();
    ExecutorService probePushers = Executors.newFixedThreadPool(THREADS);
    for (Future<Pushed> probe : probePushers.invokeAll(IntStream.range(0, PROBES)
        .mapToObj(i -> (java.util.concurrent.Callable<Pushed>) () ->
            client.push("/api/contacts", chatContact(i, Instant.now().minusSeconds(30)))).toList())) {
      Pushed pushed = probe.get();
      results.put(pushed.externalId(), pushed);
      assertThat(pushed.acknowledged()).as("probe %s: %s", pushed.externalId(), pushed).isTrue();
      acknowledged.incrementAndGet();
    }
    probePushers.shutdown();
    int acknowledgedAtKill = acknowledged.get();
    List<Map<String, Object>> lastBeforeKill = new ArrayList<>(acknowledgedInOrder).subList(
        Math.max(0, acknowledgedInOrder.size() - REPLAYED), acknowledgedInOrder.size());
    int exitCode = careflow.kill();
    Instant killedAt = Instant.now();
    assertThat(exitCode).as("exit code of a JVM killed by SIGKILL (128 + 9)").isEqualTo(137);

    await("the outage").atMost(MIN_OUTAGE.plusSeconds(5)).pollDelay(MIN_OUTAGE).until(() -> true);
    careflow.start().awaitReady(Duration.ofMinutes(4));
    Instant readyAgain = Instant.now();

    for (Future<?> worker : workers) {
      worker.get(10, TimeUnit.MINUTES);
    }
    pushers.shutdown();
    Instant clientDone = Instant.now();

    // the integration replays what it sent last before the kill (as after a crash of its own):
    // the same contacts come back with 200, nothing new is stored
    List<Pushed> replays = new ArrayList<>();
    for (Map<String, Object> contact : lastBeforeKill) {
      replays.add(client.push("/api/contacts", contact));
    }
    assertThat(replays).hasSize(REPLAYED).allSatisfy(r -> {
      assertThat(r.status()).as(r.toString()).isEqualTo(200);
      assertThat(r.contactId()).isEqualTo(results.get(r.externalId()).contactId());
    });

    // every contact was acknowledged in the end (the client retried through the outage)
    assertThat(results).hasSize(CONTACTS);
    assertThat(results.values()).allSatisfy(p -> assertThat(p.acknowledged()).as(p.toString()).isTrue());
    long created = results.values().stream().filter(p -> p.status() == 201).count();
    long repeated = results.values().stream().filter(p -> p.status() == 200).count();
    long retried = results.values().stream().filter(p -> p.attempts() > 1).count();

    JdbcClient db = database.jdbc();
    Map<String, String> stored = new HashMap<>();
    db.sql("select external_id, id from contact").query((rs, n) -> stored.put(rs.getString(1), rs.getString(2)))
        .list();
    long duplicateContacts = db.sql("select count(*) from (select channel, external_id from contact "
        + "group by channel, external_id having count(*) > 1) d").query(Long.class).single();
    long contactProcesses = db.sql("select count(*) from act_hi_procinst where proc_def_key_ = 'contact'")
        .query(Long.class).single();
    long duplicateProcesses = db.sql("select count(*) from (select business_key_ from act_hi_procinst "
        + "where proc_def_key_ = 'contact' group by business_key_ having count(*) > 1) d").query(Long.class).single();
    long linked = db.sql("""
            select count(*) from contact c
            join act_hi_procinst p on p.id_ = c.process_instance_id and p.business_key_ = c.id
                                  and p.proc_def_key_ = 'contact'
            join act_ru_execution e on e.id_ = p.id_ and e.parent_id_ is null""").query(Long.class).single();

    // each acknowledged contact is stored under the id careflow answered with, once, with one process
    assertThat(stored).hasSize(CONTACTS);
    results.values().forEach(p -> assertThat(stored.get(p.externalId())).as(p.externalId()).isEqualTo(p.contactId()));
    assertThat(duplicateContacts).isZero();
    assertThat(contactProcesses).isEqualTo(CONTACTS);
    assertThat(duplicateProcesses).isZero();
    assertThat(linked).as("contacts whose process_instance_id is their running contact process").isEqualTo(CONTACTS);

    // the deadlines of the chats: due in the outage, fired after the restart, once each
    await("every level of the chats' deadlines").atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1))
        .until(() -> db.sql("select count(*) from deadline d join contact c on c.id = d.contact_id "
            + "where c.channel = 'CHAT' and d.escalated_at is not null").query(Long.class).single() == PROBES);
    List<Deadline> deadlines = db.sql("""
            select c.external_id, d.warning_at, d.due_at, d.escalation_at, d.warned_at, d.breached_at, d.escalated_at
            from deadline d join contact c on c.id = d.contact_id where c.channel = 'CHAT'""")
        .query((rs, n) -> new Deadline(rs.getString(1), at(rs.getObject(2, OffsetDateTime.class)),
            at(rs.getObject(3, OffsetDateTime.class)), at(rs.getObject(4, OffsetDateTime.class)),
            at(rs.getObject(5, OffsetDateTime.class)), at(rs.getObject(6, OffsetDateTime.class)),
            at(rs.getObject(7, OffsetDateTime.class))))
        .list();
    assertThat(deadlines).hasSize(PROBES);
    long dueInOutage = deadlines.stream().mapToLong(d -> (inside(d.warningAt(), killedAt, readyAgain) ? 1 : 0)
        + (inside(d.dueAt(), killedAt, readyAgain) ? 1 : 0) + (inside(d.escalationAt(), killedAt, readyAgain) ? 1 : 0))
        .sum();
    assertThat(deadlines).allSatisfy(d -> {
      assertThat(d.warningAt()).as("warning of %s due in the outage", d.contact()).isBetween(killedAt, readyAgain);
      assertThat(d.dueAt()).as("deadline of %s due in the outage", d.contact()).isBetween(killedAt, readyAgain);
      // due after the kill, so only the restarted careflow can have fired them
      assertThat(d.warnedAt()).as("warned after the restart").isAfter(killedAt);
      assertThat(d.breachedAt()).as("breach recorded after the restart").isAfter(killedAt);
      assertThat(d.escalatedAt()).isAfterOrEqualTo(d.escalationAt());
    });
    Map<String, Long> events = new HashMap<>();
    db.sql("""
            select e.type, count(*) from contact_event e join contact c on c.id = e.contact_id
            where c.channel = 'CHAT' and e.type in ('SLA_WARNING', 'SLA_BREACHED', 'SLA_ESCALATED') group by e.type""")
        .query((rs, n) -> events.put(rs.getString(1), rs.getLong(2))).list();
    long repeatedLevels = db.sql("""
            select count(*) from (select e.contact_id, e.type from contact_event e
            where e.type in ('SLA_WARNING', 'SLA_BREACHED', 'SLA_ESCALATED')
            group by e.contact_id, e.type having count(*) > 1) d""").query(Long.class).single();
    assertThat(events).containsExactlyInAnyOrderEntriesOf(Map.of(
        "SLA_WARNING", (long) PROBES, "SLA_BREACHED", (long) PROBES, "SLA_ESCALATED", (long) PROBES));
    assertThat(repeatedLevels).isZero();
    long incidents = db.sql("select count(*) from act_ru_incident").query(Long.class).single();
    assertThat(incidents).isZero();

    System.out.printf("""

        ===== Crash: careflow killed with SIGKILL under load, on PostgreSQL with %s
        contacts pushed            %d (%d e-mails, %d chats), %d client threads, retried with the same externalId
        acknowledged (2xx)         %d: %d × 201 Created, %d × 200 (a retry answered with the contact already stored)
        pushes that needed retries %d (failed attempts: %d); replayed after restart %d: all 200, same ids
        killed at                  %d acknowledged, %.1f s after the first push; exit code %d (SIGKILL)
        down for                   %.1f s (restart to ready included); client done %.1f s after the first push
        found after restart        %d contacts, %d contact processes, each contact linked to its running process
        duplicates                 %d contacts, %d processes
        timers due in the outage   %d (chat deadlines: %d warnings, %d deadlines, %d twice-the-time points)
        fired after the restart    %s; repeated levels %d; incidents %d
        =====%n""",
        database.durability(), CONTACTS, REGULAR, PROBES, THREADS, results.size(), created, repeated, retried,
        client.failedAttempts.get(), REPLAYED, acknowledgedAtKill, seconds(started, killedAt), exitCode,
        seconds(killedAt, readyAgain), seconds(started, clientDone), stored.size(), contactProcesses,
        duplicateContacts, duplicateProcesses, dueInOutage,
        deadlines.stream().filter(d -> inside(d.warningAt(), killedAt, readyAgain)).count(),
        deadlines.stream().filter(d -> inside(d.dueAt(), killedAt, readyAgain)).count(),
        deadlines.stream().filter(d -> inside(d.escalationAt(), killedAt, readyAgain)).count(),
        events, repeatedLevels, incidents);
    assertThat(probesFrom).isBefore(killedAt);
  }

  private record Deadline(String contact, Instant warningAt, Instant dueAt, Instant escalationAt, Instant warnedAt,
      Instant breachedAt, Instant escalatedAt) {}

  private static Map<String, Object> emailContact(int i) {
    return Map.of(
        "channel", "EMAIL",
        "externalId", "<crash-%04d@mail.example>".formatted(i),
        // 200 customers write 950 e-mails: customers are found and created concurrently too
        "customer", Map.of("email", "customer-%03d@example.com".formatted(i % 200), "name", "Customer " + (i % 200),
            "language", "en"),
        "subject", "Order question " + i,
        "body", "When will order PL-2026-%06d arrive?".formatted(i),
        "topic", "INQUIRY");
  }

  private static Map<String, Object> chatContact(int i, Instant receivedAt) {
    return Map.of(
        "channel", "CHAT",
        "externalId", "chat-probe-%02d".formatted(i),
        "receivedAt", receivedAt.atOffset(ZoneOffset.UTC).toString(),
        "customer", Map.of("phone", "+48 600 %03d %03d".formatted(700 + i / 1000, i % 1000), "name", "Chatter " + i,
            "language", "pl"),
        "body", "Czy ten czajnik jest na stanie? (" + i + ")",
        "topic", "INQUIRY");
  }

  private static boolean inside(Instant at, Instant from, Instant to) {
    return at.isAfter(from) && at.isBefore(to);
  }

  private static Instant at(OffsetDateTime value) {
    return value == null ? null : value.toInstant();
  }

  private static double seconds(Instant from, Instant to) {
    return Duration.between(from, to).toMillis() / 1000.0;
  }
}
