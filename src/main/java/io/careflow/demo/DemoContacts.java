package io.careflow.demo;

import io.careflow.contact.ContactIntakeService;
import io.careflow.casefile.ContactRepository;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.careflow.contact.NewContact;
import io.careflow.reporting.ContactHistory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A shop with a past on the first demo start: about 90 days of finished contacts (so the
 * dashboard, the KPIs and the customer records are not empty), a few sample contacts and about
 * thirty open cases in every state (so Tasklist is not). The past is written in bulk into
 * careflow's own tables ({@link ContactHistory}, as the KPI benchmark writes it: the state a
 * finished case leaves behind, archived by retention like any other); the samples and the open
 * cases go through the real intake and processes ({@link DemoOpenCases}). Nothing is added
 * once the database holds contacts, so a restart adds nothing; the past is left out with
 * {@code careflow.demo.history=false}. The sample contacts are data, {@code demo/contacts.json}, in the shape of
 * {@code POST /api/contacts}: their topic hints are topics of the deployed table, not Java's.
 */
@Component
@Profile("demo")
@ConditionalOnProperty(name = "careflow.demo.sample-contacts", havingValue = "true", matchIfMissing = true)
@Order(30)
public class DemoContacts implements ApplicationRunner {

  static final String FILE = "/demo/contacts.json";

  /** {@code created_by} of the contacts of the demo's past. */
  static final String HISTORY = "demo-history";
  /** The past ends this long before the start: the open cases are the recent days. */
  static final Duration QUIET = Duration.ofDays(3);
  private static final Duration PROGRESS_EVERY = Duration.ofSeconds(3);
  private static final Logger LOG = LoggerFactory.getLogger(DemoContacts.class);

  private final ContactIntakeService intake;
  private final ContactRepository contacts;
  private final ObjectMapper json;
  private final ContactHistory pastContacts;
  private final DemoOpenCases openCases;
  private final Clock clock;
  private final boolean history;
  private final int historyContacts;
  private final int historyDays;

  public DemoContacts(ContactIntakeService intake, ContactRepository contacts, ObjectMapper json,
      ContactHistory pastContacts, DemoOpenCases openCases, Clock clock,
      @Value("${careflow.demo.history:true}") boolean history,
      @Value("${careflow.demo.history-contacts:3000}") int historyContacts,
      @Value("${careflow.demo.history-days:90}") int historyDays) {
    this.intake = intake;
    this.contacts = contacts;
    this.json = json;
    this.pastContacts = pastContacts;
    this.openCases = openCases;
    this.clock = clock;
    this.history = history;
    this.historyContacts = historyContacts;
    this.historyDays = historyDays;
  }

  @Override
  public void run(ApplicationArguments args) throws Exception {
    if (contacts.count() > 0) {
      return;
    }
    List<NewContact> samples = samples();
    if (!history) {
      samples.forEach(contact -> intake.receive(contact, "demo"));
      return;
    }
    long started = System.nanoTime();
    LOG.info("Demo data: a fresh database, writing {} contacts of the past {} days and opening the demo's cases",
        historyContacts, historyDays);
    // the past (JDBC batches) is written beside the open cases (the engine): the start waits for the longer
    var past = new FutureTask<Long>(() -> {
      writeHistory(started);
      return (System.nanoTime() - started) / 1_000_000;
    });
    new Thread(past, "demo-history").start();
    int open;
    try {
      samples.forEach(contact -> intake.receive(contact, "demo"));
      open = openCases.open();
    } finally {
      awaitPast(past);
    }
    LOG.info("Demo data: {} contacts of the past {} days ({} ms) and {} open cases, in all {} ms", historyContacts,
        historyDays, awaitPast(past), open + samples.size(), (System.nanoTime() - started) / 1_000_000);
  }

  private static long awaitPast(FutureTask<Long> past) throws Exception {
    try {
      return past.get();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }

  /** The past, with one INFO line every few seconds while it is written. */
  private void writeHistory(long started) {
    Instant to = clock.instant().minus(QUIET);
    Instant from = to.minus(Duration.ofDays(historyDays));
    long[] lastLog = {started};
    pastContacts.write(from, to, historyContacts, 2026, false, 4, HISTORY, written -> {
      long now = System.nanoTime();
      if (now - lastLog[0] >= PROGRESS_EVERY.toNanos()) {
        lastLog[0] = now;
        LOG.info("Demo data: {} of {} past contacts written", written, historyContacts);
      }
    });
  }

  List<NewContact> samples() {
    try (InputStream in = DemoContacts.class.getResourceAsStream(FILE)) {
      return json.readValue(in, new TypeReference<List<NewContact>>() {});
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + FILE, e);
    }
  }
}
