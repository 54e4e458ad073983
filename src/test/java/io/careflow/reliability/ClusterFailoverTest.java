package io.careflow.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.careflow.support.CareflowNode;
import io.careflow.support.DurablePostgres;
import io.careflow.support.IntakeClient;
import io.careflow.support.IntakeClient.Pushed;
import io.careflow.support.ReliabilityTest;
import io.careflow.support.TestMail;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two careflow nodes (separate JVMs, different ports) on one PostgreSQL, both
 * with the job executor on. 300 e-mails arrive that were received 30 days ago, so each one's
 * reply deadline is due at every level at once: 900 timers (warning, deadline, twice the time).
 * Midway one node is killed with SIGKILL. The survivor fires every remaining timer — those the
 * dead node had locked once their lock expired — and every level of every deadline happens
 * exactly once: one {@code deadline} mark, one contact event, one e-mail (one Message-ID) to the
 * staff member. E-mail leaves careflow at least once: a send that the killed node made but had not
 * committed runs again on the survivor under the same Message-ID; the test counts such repeats
 * and allows them only for jobs node-b held when it died.
 *
 * <p>The lock time is 15 s here, so the test need not wait the production 5 minutes.
 */
@ReliabilityTest
class ClusterFailoverTest {

  private static final int CONTACTS = 300;
  private static final int LEVELS = 3 * CONTACTS;
  private static final int KILL_AFTER_LEVELS = LEVELS / 3;
  private static final int LOCK_TIME_MS = 15_000;
  private static final String INTAKE = "shop-integration";
  private static final String INTAKE_PASSWORD = "Integration-secret-for-tests-7";
  /** Who hears of a deadline: the team while unclaimed (warning), team leads (deadline), managers (twice). */
  private static final Map<String, String> STAFF = Map.of(
      "agent-ola", "team-inquiries", "lead-piotr", "team-leads", "manager-ewa", "managers");
  private static final List<String> LEVEL_EVENTS = List.of("SLA_WARNING", "SLA_BREACHED", "SLA_ESCALATED");

  private static DurablePostgres database;
  private static CareflowNode nodeA;
  private static CareflowNode nodeB;

  @BeforeAll
  static void startCluster() throws Exception {
    database = DurablePostgres.start();
    List<String> cluster = List.of("--camunda.bpm.job-execution.lock-time-in-millis=" + LOCK_TIME_MS);
    nodeA = new CareflowNode("node-a", database, TestMail.port(), cluster);
    nodeB = new CareflowNode("node-b", database, TestMail.port(), cluster);
    // both at once on an empty database, as a deployment of two replicas starts them
    nodeA.start();
    nodeB.start();
    nodeA.awaitReady(Duration.ofMinutes(5));
    nodeB.awaitReady(Duration.ofMinutes(5));
    // one set of shared start-up state: the second node waited for the first (ClusterStartupLock)
    assertThat(database.jdbc().sql("select count(*) from act_ru_filter").query(Long.class).single())
        .as("Tasklist filters").isEqualTo(3);
    assertThat(nodeA.log().contains("after waiting") || nodeB.log().contains("after waiting"))
        .as("one node waited for the other's start").isTrue();
    nodeA.createUser(INTAKE, INTAKE_PASSWORD, "integration@shop.example", "integrations");
    STAFF.forEach((user, group) -> nodeB.createUser(user, "Cluster-Staff-2026!", user + "@shop.example", "agents", group));
    TestMail.SMTP.purgeEmailFromAllMailboxes();
  }

  @AfterAll
  static void stopCluster() throws Exception {
    for (CareflowNode node : new CareflowNode[] {nodeA, nodeB}) {
      if (node != null) {
        node.close();
      }
    }
    if (database != null) {
      database.close();
    }
  }

  @Test
  void shouldFireEveryDeadlineExactlyOnceOnTheSurvivorWhenANodeIsKilled() throws Exception {
    JdbcClient db = database.jdbc();
    // a load balancer in front of the nodes: round robin over the nodes alive
    var turn = new AtomicInteger();
    var client = new IntakeClient(() -> {
      CareflowNode node = turn.getAndIncrement() % 2 == 0 ? nodeA : nodeB;
      return node.isAlive() ? node.baseUrl() : nodeA.baseUrl();
    }, INTAKE, INTAKE_PASSWORD, Duration.ofMinutes(3));
    Instant receivedAt = Instant.now().minus(Duration.ofDays(30));
    var next = new AtomicInteger();
    ExecutorService pushers = Executors.newFixedThreadPool(4);
    List<Future<List<Pushed>>> workers = new ArrayList<>();
    Instant started = Instant.now();
    for (int t = 0; t < 4; t++) {
      workers.add(pushers.submit(() -> {
        List<Pushed> mine = new ArrayList<>();
        for (int i = next.getAndIncrement(); i < CONTACTS; i = next.getAndIncrement()) {
          mine.add(client.push("/api/contacts", overdueEmail(i, receivedAt)));
        }
        return mine;
      }));
    }

    await("a third of the deadline levels fired").atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(200))
        .until(() -> levelsFired(db) >= KILL_AFTER_LEVELS);
    int exitCode = nodeB.kill();
    Instant killedAt = Instant.now();
    // the staff e-mails the mail server had taken by the kill (node-b's in-flight sends among them)
    Set<String> mailedByTheKill = Arrays.stream(TestMail.SMTP.getReceivedMessages())
        .map(ClusterFailoverTest::messageId).collect(Collectors.toSet());
    // what node-b left behind: its uncommitted work is rolled back, its locks stay until they expire
    Map<String, Long> byNodeBeforeKill = jobsRunBy(db);
    long firedAtKill = levelsFired(db);
    List<LockedJob> lockedAtKill = lockedJobs(db);
    assertThat(exitCode).as("node-b killed by SIGKILL (128 + 9)").isEqualTo(137);

    List<Pushed> pushed = new ArrayList<>();
    for (Future<List<Pushed>> worker : workers) {
      pushed.addAll(worker.get(10, TimeUnit.MINUTES));
    }
    pushers.shutdown();
    assertThat(pushed).hasSize(CONTACTS).allSatisfy(p -> assertThat(p.acknowledged()).as(p.toString()).isTrue());

    // node-a's lock owner: the one that locks jobs after the kill (node-b cannot)
    Instant lastLockAtKill = lockedAtKill.stream().map(LockedJob::lockedUntil).max(Instant::compareTo)
        .orElse(Instant.EPOCH);
    await("node-a locking jobs after the kill").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100))
        .until(() -> levelsFired(db) == LEVELS || !ownersLockingAfter(db, lastLockAtKill).isEmpty());
    Set<String> survivorOwners = ownersLockingAfter(db, lastLockAtKill);
    List<LockedJob> strandedByB = lockedAtKill.stream()
        .filter(j -> !survivorOwners.isEmpty() && !survivorOwners.contains(j.owner())).toList();

    await("every deadline level fired").atMost(Duration.ofMinutes(6)).pollInterval(Duration.ofSeconds(1))
        .until(() -> levelsFired(db) >= LEVELS && openTimers(db) == 0);
    Instant allFired = Instant.now();

    // one mark per level per deadline, one event per level per contact
    var deadlines = db.sql("select count(*) filter (where warned_at is not null), count(*) filter (where "
            + "breached_at is not null), count(*) filter (where escalated_at is not null), count(*) from deadline")
        .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)}).single();
    assertThat(deadlines).containsExactly(CONTACTS, CONTACTS, CONTACTS, CONTACTS);
    Map<String, Long> events = new HashMap<>();
    db.sql("select type, count(*) from contact_event where type in ('SLA_WARNING', 'SLA_BREACHED', 'SLA_ESCALATED') "
        + "group by type").query((rs, n) -> events.put(rs.getString(1), rs.getLong(2))).list();
    long repeatedLevels = db.sql("""
            select count(*) from (select contact_id, type from contact_event
            where type in ('SLA_WARNING', 'SLA_BREACHED', 'SLA_ESCALATED')
            group by contact_id, type having count(*) > 1) d""").query(Long.class).single();
    long contactsWithAllLevels = db.sql("""
            select count(*) from (select contact_id from contact_event
            where type in ('SLA_WARNING', 'SLA_BREACHED', 'SLA_ESCALATED')
            group by contact_id having count(distinct type) = 3) d""").query(Long.class).single();
    assertThat(events).containsExactlyInAnyOrderEntriesOf(
        LEVEL_EVENTS.stream().collect(Collectors.toMap(Function.identity(), t -> (long) CONTACTS)));
    assertThat(repeatedLevels).as("a level recorded twice for one contact").isZero();
    assertThat(contactsWithAllLevels).isEqualTo(CONTACTS);
    long incidents = db.sql("select count(*) from act_ru_incident").query(Long.class).single();
    assertThat(incidents).isZero();

    // the jobs node-b had locked when it died were done once their lock expired: run by node-a,
    // or — when node-b's commit had reached the database as it died — by node-b itself
    Map<String, String> runBy = new HashMap<>();
    if (!strandedByB.isEmpty()) {
      db.sql("select job_id_, hostname_ from act_hi_job_log where job_state_ in (2, 3) and job_id_ in ("
              + strandedByB.stream().map(j -> "'" + j.id() + "'").collect(Collectors.joining(",")) + ")")
          .query((rs, n) -> runBy.put(rs.getString(1), rs.getString(2))).list();
    }
    // (a failure names what the job log holds for the job: which step, which node, which state)
    assertThat(strandedByB).allSatisfy(j -> assertThat(runBy.get(j.id())).as("job %s, logged %s", j.id(),
        db.sql("select act_id_ || ' ' || job_state_ || ' ' || coalesce(hostname_, '?') from act_hi_job_log "
            + "where job_id_ = ? order by timestamp_").param(j.id()).query(String.class).list()).isIn("node-a", "node-b"));
    assertThat(db.sql("select count(*) from act_ru_job where id_ in (" + (strandedByB.isEmpty() ? "''"
            : strandedByB.stream().map(j -> "'" + j.id() + "'").collect(Collectors.joining(","))) + ")")
        .query(Long.class).single()).as("node-b's jobs left behind").isZero();
    Map<String, Long> strandedRunBy = runBy.values().stream()
        .collect(Collectors.groupingBy(Function.identity(), java.util.TreeMap::new, Collectors.counting()));
    Map<String, Long> byNode = jobsRunBy(db);
    long conflicts = db.sql("select count(*) from act_hi_job_log where job_state_ = 1 "
        + "and job_exception_msg_ like '%updated by another transaction concurrently%'").query(Long.class).single();

    // the staff are told once per level: the deadlines had passed long ago, so no "due soon" — the
    // team leads hear of the breach, the managers of twice the time
    await("the staff e-mails").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
        .until(() -> TestMail.SMTP.getReceivedMessages().length >= 2 * CONTACTS && openAlerts(db) == 0);
    MimeMessage[] mails = TestMail.SMTP.getReceivedMessages();
    Map<String, Long> perLevelAndRecipient = new HashMap<>();
    Map<String, Long> perRecipient = new java.util.TreeMap<>();
    for (MimeMessage mail : mails) {
      String to = Arrays.toString(mail.getAllRecipients());
      perLevelAndRecipient.merge(to + " " + mail.getSubject(), 1L, Long::sum);
      perRecipient.merge(to, 1L, Long::sum);
    }
    long distinctMessageIds = Arrays.stream(mails).map(m -> {
      try {
        return m.getMessageID();
      } catch (jakarta.mail.MessagingException e) {
        throw new IllegalStateException(e);
      }
    }).distinct().count();
    long resent = mails.length - distinctMessageIds;
    Map<String, Long> copies = Arrays.stream(mails).collect(Collectors.groupingBy(ClusterFailoverTest::messageId,
        Collectors.counting()));
    List<String> repeated = copies.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).sorted()
        .toList();
    // runs of an alert's send step that did not commit: overlaps (the other run recorded the e-mail
    // first) and the sends node-b was making when it died
    Map<String, Long> alertFailures = new java.util.TreeMap<>();
    db.sql("select hostname_, coalesce(job_exception_msg_, '') from act_hi_job_log where job_state_ = 1 "
            + "and process_def_key_ = 'deadline-alert'")
        .query((rs, n) -> alertFailures.merge(rs.getString(1) + ": " + abbreviate(rs.getString(2)), 1L, Long::sum))
        .list();
    long staffAlertRows = db.sql("select count(*) from staff_alert").query(Long.class).single();
    Map<String, Long> distinctIdsPerRecipient = Arrays.stream(mails).collect(Collectors.groupingBy(m -> {
      try {
        return Arrays.toString(m.getAllRecipients());
      } catch (jakarta.mail.MessagingException e) {
        throw new IllegalStateException(e);
      }
    }, java.util.TreeMap::new, Collectors.mapping(m -> {
      try {
        return m.getMessageID();
      } catch (jakarta.mail.MessagingException e) {
        throw new IllegalStateException(e);
      }
    }, Collectors.collectingAndThen(Collectors.toSet(), set -> (long) set.size()))));

    System.out.printf("""

        ===== Cluster: two careflow nodes on one PostgreSQL (%s), node-b killed with SIGKILL
        contacts                   %d e-mails received 30 days ago: %d deadline levels due at once
        killed node-b at           %d of %d levels fired (%.1f s after the first push); exit code %d (SIGKILL)
        jobs run before the kill   %s
        locked at the kill         %d jobs; %d of them node-b's, done after the %d ms lock expired by %s
        all fired                  %.1f s after the kill
        jobs run in all            %s; concurrent-update conflicts retried (no retry used up): %d
        per deadline               warned %d, breached %d, escalated %d of %d deadlines
        contact events             %s; a level twice for one contact: %d; incidents %d
        staff e-mails              %d received %s: %d distinct (recipient, subject), %d distinct Message-IDs %s;
                                   repeated under the same Message-ID (a send the killed node did not commit): %d
                                   recorded before sending (staff_alert): %d; send runs that did not commit: %s
                                   repeated e-mails first received before the kill: %d of %d
        =====%n""",
        database.durability(), CONTACTS, LEVELS, firedAtKill, LEVELS, seconds(started, killedAt), exitCode,
        byNodeBeforeKill, lockedAtKill.size(), strandedByB.size(), LOCK_TIME_MS, strandedRunBy, seconds(killedAt, allFired), byNode,
        conflicts, deadlines[0], deadlines[1], deadlines[2], deadlines[3], events, repeatedLevels, incidents,
        mails.length, perRecipient, perLevelAndRecipient.size(), distinctMessageIds, distinctIdsPerRecipient, resent,
        staffAlertRows, alertFailures, repeated.stream().filter(mailedByTheKill::contains).count(), repeated.size());

    // e-mail leaves careflow at least once: a send whose step the killed node had not committed is
    // sent again by the survivor, under the same Message-ID (the same e-mail to the mail program)
    assertThat(distinctIdsPerRecipient).as("distinct e-mails per person").isEqualTo(Map.of(
        "[lead-piotr@shop.example]", (long) CONTACTS, "[manager-ewa@shop.example]", (long) CONTACTS));
    assertThat(perLevelAndRecipient.size()).as("one e-mail per deadline, level and person").isEqualTo(2 * CONTACTS);
    assertThat(distinctMessageIds).as("Message-IDs: a repeat is the same e-mail").isEqualTo(2 * CONTACTS);
    assertThat(staffAlertRows).as("each e-mail recorded once").isEqualTo(2 * CONTACTS);
    // a repeat is only a send node-b had made when it died, before its commit (its job, locked by
    // node-b or — when it ran longer than the lock — already taken over by node-a, runs again on
    // node-a): the mail server had it by the kill, and node-b ran at most its job threads at once
    assertThat(repeated).as("repeated e-mails: sends of node-b in flight at the kill").isSubsetOf(mailedByTheKill);
    assertThat(copies.values()).as("copies of one e-mail").allMatch(n -> n <= 2);
    assertThat(resent).as("repeats: at most node-b's job threads (10)").isLessThanOrEqualTo(10);
  }

  private record LockedJob(String id, String owner, Instant lockedUntil) {}

  private static long levelsFired(JdbcClient db) {
    return db.sql("select count(*) from contact_event where type in ('SLA_WARNING', 'SLA_BREACHED', 'SLA_ESCALATED')")
        .query(Long.class).single();
  }

  private static long openAlerts(JdbcClient db) {
    return db.sql("select count(*) from act_ru_job where process_def_key_ = 'deadline-alert'").query(Long.class)
        .single();
  }

  private static long openTimers(JdbcClient db) {
    return db.sql("select count(*) from act_ru_job where handler_type_ = 'timer-transition'").query(Long.class)
        .single();
  }

  private static List<LockedJob> lockedJobs(JdbcClient db) {
    return db.sql("select id_, lock_owner_, lock_exp_time_ from act_ru_job where lock_owner_ is not null")
        .query((rs, n) -> new LockedJob(rs.getString(1), rs.getString(2),
            rs.getTimestamp(3).toLocalDateTime().toInstant(ZoneOffset.UTC)))
        .list();
  }

  /** Lock owners of jobs locked later than every lock taken before the kill: the survivor's. */
  private static Set<String> ownersLockingAfter(JdbcClient db, Instant lockedUntil) {
    return lockedJobs(db).stream().filter(j -> j.lockedUntil().isAfter(lockedUntil)).map(LockedJob::owner)
        .collect(Collectors.toSet());
  }

  /** Jobs that ended successfully, per node (the engine's job log names the node). */
  private static Map<String, Long> jobsRunBy(JdbcClient db) {
    Map<String, Long> byNode = new java.util.TreeMap<>();
    db.sql("select hostname_, count(*) from act_hi_job_log where job_state_ = 2 group by hostname_")
        .query((rs, n) -> byNode.put(rs.getString(1), rs.getLong(2))).list();
    return byNode;
  }

  private static Map<String, Object> overdueEmail(int i, Instant receivedAt) {
    return Map.of(
        "channel", "EMAIL",
        "externalId", "<cluster-%04d@mail.example>".formatted(i),
        "receivedAt", receivedAt.atOffset(ZoneOffset.UTC).toString(),
        "customer", Map.of("email", "waiting-%03d@example.com".formatted(i % 100), "name", "Customer " + (i % 100),
            "language", "en"),
        "subject", "Where is my order " + i,
        "body", "I wrote a month ago about order PL-2026-%06d.".formatted(i),
        "topic", "INQUIRY");
  }

  private static String messageId(MimeMessage mail) {
    try {
      return mail.getMessageID();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String abbreviate(String text) {
    return text.length() > 80 ? text.substring(0, 80) + "…" : text;
  }

  private static double seconds(Instant from, Instant to) {
    return Duration.between(from, to).toMillis() / 1000.0;
  }
}
