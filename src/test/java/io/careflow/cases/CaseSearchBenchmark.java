package io.careflow.cases;

import static org.assertj.core.api.Assertions.assertThat;

import io.careflow.reporting.KpiBenchmark;
import io.careflow.support.CareflowIntegrationTest;
import io.careflow.support.Http;
import io.careflow.support.PostgresCareflow;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Latency of the case search in a running careflow on PostgreSQL 17 over the KPI benchmark's
 * closed contacts ({@link KpiBenchmark#generate}: one year, 99% closed, a customer coming back
 * now and then), each customer given a name and an e-mail address of their own. Off in the
 * normal build:
 *
 * <pre>./mvnw test -Dtest=CaseSearchBenchmark -Dcareflow.benchmark.contacts=100000</pre>
 *
 * Prints the median and p95 of 50 requests (after 5 warm-ups) as maria, each for another
 * customer: {@code /cases?customer=} (by part of the name, the page) and
 * {@code GET /api/contacts?customer=} (by part of the e-mail address, the API), and a search
 * without a customer (the newest cases of one channel and status).
 */
@PostgresCareflow
@EnabledIfSystemProperty(named = "careflow.benchmark.contacts", matches = "\\d+")
class CaseSearchBenchmark extends CareflowIntegrationTest {

  static final int REQUESTS = 50;
  static final int WARM_UP = 5;
  static final long TARGET_MS = 300;

  @Autowired
  DataSource dataSource;

  @Test
  void measure() throws Exception {
    int contacts = Integer.getInteger("careflow.benchmark.contacts");
    long t0 = System.nanoTime();
    KpiBenchmark.generate(dataSource, contacts);
    jdbc.sql("update customer set name = 'Bench ' || substr(id, 1, 8) where name = 'Bulk'").update();
    jdbc.sql("""
        insert into customer_identity (kind, identity_value, customer_id, created_at)
        select 'EMAIL', 'bench.' || substr(id, 1, 8) || '@example.com', id, created_at from customer
        where name like 'Bench %'""").update();
    jdbc.sql("analyze").update();
    System.out.printf("%n[benchmark] PostgreSQL 17: %,d contacts (%,d customers) generated in %.1f s%n", contacts,
        jdbc.sql("select count(*) from customer where name like 'Bench %'").query(Long.class).single(),
        (System.nanoTime() - t0) / 1e9);

    List<String> customers = jdbc.sql("select substr(id, 1, 8) from customer where name like 'Bench %'"
        + " order by id fetch first " + (REQUESTS + WARM_UP) * 3 + " rows only").query(String.class).list();
    var http = new Http(baseUrl());
    measure(http, "GET /cases?customer=<part of the name>", customers, 0,
        key -> "/cases?customer=bench%20" + key.substring(0, 7));
    measure(http, "GET /api/contacts?customer=<part of the e-mail>", customers, REQUESTS + WARM_UP,
        key -> "/api/contacts?customer=" + key + "%40example");
    measure(http, "GET /api/contacts?channel=EMAIL&status=RESOLVED (newest 20)", customers, 0,
        key -> "/api/contacts?channel=EMAIL&status=RESOLVED");
    measure(http, "GET /cases?topic=COMPLAINT&sla=BREACHED&from=2025-03-01&to=2025-03-31", customers, 0,
        key -> "/cases?topic=COMPLAINT&sla=BREACHED&from=2025-03-01&to=2025-03-31");
  }

  private static void measure(Http http, String what, List<String> customers, int offset,
      Function<String, String> path) {
    var times = new ArrayList<Double>();
    for (int i = 0; i < REQUESTS + WARM_UP; i++) {
      String key = customers.get(offset + i);
      long t = System.nanoTime();
      Http.Response response = http.get("maria", path.apply(key));
      double ms = (System.nanoTime() - t) / 1e6;
      assertThat(response.status()).as(response.body()).isEqualTo(200);
      if (path.apply(key).contains("customer=")) {
        assertThat(response.body()).as("finds the customer's cases").containsIgnoringCase(key);
      }
      if (i >= WARM_UP) {
        times.add(ms);
      }
    }
    Collections.sort(times);
    double median = times.get(times.size() / 2);
    double p95 = times.get((int) Math.ceil(0.95 * times.size()) - 1);
    System.out.printf("[benchmark] PostgreSQL 17: %-75s median %6.1f ms  p95 %6.1f ms  max %6.1f ms  (%d requests)%n",
        what, median, p95, times.get(times.size() - 1), times.size());
    assertThat(p95).as(what + ": p95 under " + TARGET_MS + " ms").isLessThan(TARGET_MS);
  }
}
