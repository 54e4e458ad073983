package io.careflow.cases.page;

import static org.assertj.core.api.Assertions.assertThat;

import io.careflow.support.PostgresCareflow;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * How long {@code GET /cases/{id}} takes on PostgreSQL 17 with many closed contacts beside the
 * case. Off in the normal build:
 *
 * <pre>./mvnw -o test -Dtest=CasePageBenchmark -Dcareflow.benchmark.contacts=100000</pre>
 *
 * The closed contacts are written by SQL ({@code generate_series}: a customer, 1.5 messages, a
 * reply deadline and four events each — careflow's tables only); then ten real complaints run
 * through the engine (breached, approved, answered: the page's every section filled) and each
 * page is asked 2 times to warm up and 10 times measured, as maria over HTTP. Prints median and
 * p95 of those 100 calls, and of a bulk contact's page (no engine history).
 */
@PostgresCareflow
@EnabledIfSystemProperty(named = "careflow.benchmark.contacts", matches = "\\d+")
class CasePageBenchmark extends BreachedComplaint {

  static final int CASES = 10;
  static final int WARM_UP = 2;
  static final int ROUNDS = 10;

  @Test
  void measure() {
    int contacts = Integer.getInteger("careflow.benchmark.contacts");
    long t0 = System.nanoTime();
    generate(contacts);
    System.out.printf("CasePageBenchmark: %,d closed contacts written in %.1f s%n", contacts,
        (System.nanoTime() - t0) / 1e9);
    var ids = new ArrayList<String>();
    for (int i = 0; i < CASES; i++) {
      breachedAndFinishedComplaint();
      ids.add(contact.id());
    }
    jdbc.sql("analyze").update();
    report("a finished complaint (engine history and all sections)", measure(ids));
    String bulk = jdbc.sql("select id from contact where created_by = 'bench' order by id fetch first 10 rows only")
        .query(String.class).list().get(0);
    report("a bulk closed contact (careflow's tables only)", measure(List.of(bulk)));
  }

  private List<Long> measure(List<String> ids) {
    var micros = new ArrayList<Long>();
    for (String id : ids) {
      for (int i = 0; i < WARM_UP + ROUNDS; i++) {
        long start = System.nanoTime();
        var page = http.get("maria", "/cases/" + id);
        long took = (System.nanoTime() - start) / 1000;
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        if (i >= WARM_UP) {
          micros.add(took);
        }
      }
    }
    return micros.stream().sorted().toList();
  }

  private static void report(String what, List<Long> sorted) {
    System.out.printf("CasePageBenchmark: GET /cases/{id}, %s: median %.1f ms, p95 %.1f ms, max %.1f ms (%d calls)%n",
        what, sorted.get(sorted.size() / 2) / 1000.0, sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1) / 1000.0,
        sorted.get(sorted.size() - 1) / 1000.0, sorted.size());
  }

  /** A year of closed contacts, set-based (PostgreSQL). */
  private void generate(int contacts) {
    jdbc.sql("""
        insert into customer (id, name, language, created_at)
        select 'c0000000-0000-4000-8000-' || lpad(to_hex(g), 12, '0'), 'Bench Customer ' || g, 'en',
               timestamptz '2025-01-01 00:00:00+00'
        from generate_series(1, ?) g""").param(contacts / 3 + 1).update();
    jdbc.sql("""
        insert into contact (id, channel, customer_id, customer_email, received_at, subject, body, topic, protocol,
            status, language, first_reply_at, first_reply_working_minutes, resolved_at, outcome, created_by, team)
        select 'b0000000-0000-4000-8000-' || lpad(to_hex(g), 12, '0'),
               (array['EMAIL','CHAT','PHONE','WEB_FORM','SMS'])[1 + g % 5],
               'c0000000-0000-4000-8000-' || lpad(to_hex(1 + g % ?), 12, '0'), 'bench' || g || '@example.com',
               timestamptz '2025-01-01 08:00:00+00' + (g % 365) * interval '1 day' + (g % 480) * interval '1 minute',
               'Question ' || g, 'Where is my order ' || g || '?',
               (array['INQUIRY','COMPLAINT','RETURN'])[1 + g % 3], (array['inquiry','complaint','return'])[1 + g % 3],
               'RESOLVED', 'en',
               timestamptz '2025-01-01 09:00:00+00' + (g % 365) * interval '1 day',  60,
               timestamptz '2025-01-01 12:00:00+00' + (g % 365) * interval '1 day', 'ANSWERED', 'bench',
               'team-inquiries'
        from generate_series(1, ?) g""").params(contacts / 3 + 1, contacts).update();
    jdbc.sql("""
        insert into message (id, contact_id, direction, channel, author, author_name, recipient, body, status,
            created_at, sent_at, kind)
        select md5('m' || c.id || '-' || n)::uuid::varchar, c.id, 'OUT', c.channel, 'anna', 'Anna Nowak',
               c.customer_email, 'Your answer', 'SENT', c.first_reply_at, c.first_reply_at, 'ANSWER'
        from contact c cross join generate_series(1, 2) n
        where c.created_by = 'bench' and (n = 1 or right(c.id, 1) in ('0', '2', '4', '6', '8'))""").update();
    jdbc.sql("""
        insert into deadline (id, contact_id, step, target, warning_fraction, started_at, warning_at, due_at,
            escalation_at, completed_at, met, policy_rule)
        select md5('d' || c.id)::uuid::varchar, c.id, 'reply', 'PT6H', 0.75, c.received_at,
               c.received_at + interval '4 hours', c.received_at + interval '6 hours',
               c.received_at + interval '12 hours', c.first_reply_at, true, 'rule_written'
        from contact c where c.created_by = 'bench'""").update();
    jdbc.sql("""
        insert into contact_event (contact_id, occurred_at, type, actor, detail)
        select c.id, c.received_at + n * interval '1 minute',
               (array['CONTACT_RECEIVED','SLA_STARTED','CLASSIFIED','RESOLVED'])[n], 'system', 'bench event'
        from contact c cross join generate_series(1, 4) n where c.created_by = 'bench'""").update();
  }
}
