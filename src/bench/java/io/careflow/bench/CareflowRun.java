package io.careflow.bench;

import io.careflow.support.CareflowNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * careflow started once per database for the scenarios that measure it running: the node, its
 * database, the contacts the bench sends it, and what the scenarios pass on to each other
 * (the peak intake rate of {@link IntakeThroughput} for {@link IntakeLatency}; the memory samples
 * of both for {@link MemoryUnderLoad}).
 */
final class CareflowRun {

  final Database db;
  final CareflowNode careflow;
  /** careflow's database (its JDBC URL as careflow has it: {@link Database#urlForNode}). */
  final String url;
  final MemoryWatch memory;
  /** Contacts per second {@link IntakeThroughput} measured; NaN until it ran. */
  double peakRate = Double.NaN;
  private final AtomicLong contactSequence = new AtomicLong();

  CareflowRun(Database db, CareflowNode careflow, String url) {
    this.db = db;
    this.careflow = careflow;
    this.url = url;
    this.memory = new MemoryWatch(careflow);
  }

  /** The database as the bench reaches it while careflow runs. */
  String benchUrl() {
    return db.urlForNode(url);
  }

  static String contactJson(long n) {
    long customer = n % 2_000;
    return """
        {"channel":"EMAIL","externalId":"<bench-%d-%d@shop>",
         "customer":{"email":"customer%d@bench.example","name":"Customer %d","language":"pl"},
         "subject":"Delivery time","body":"How long does the delivery of order %d take?","topic":"INQUIRY"}"""
        .formatted(ProcessHandle.current().pid(), n, customer, customer, n);
  }

  /** One e-mail inquiry through {@code POST /api/contacts} as the integration; true when stored (201). */
  boolean postContact() throws Exception {
    return careflow.call("POST", "/api/contacts", BenchNodes.INTAKE, BenchNodes.INTAKE_PASSWORD,
        contactJson(contactSequence.incrementAndGet())).status() == 201;
  }

  /** Samples careflow's resident memory while the load runs. */
  static final class MemoryWatch {
    final CareflowNode node;
    long peakKb;
    final List<Long> samples = new ArrayList<>();

    MemoryWatch(CareflowNode node) {
      this.node = node;
    }

    <T> T during(Callable<T> work) throws Exception {
      var sampler = Executors.newSingleThreadScheduledExecutor();
      sampler.scheduleAtFixedRate(() -> {
        long kb = node.memoryKb("VmRSS");
        synchronized (this) {
          samples.add(kb);
          peakKb = Math.max(peakKb, kb);
        }
      }, 0, 250, TimeUnit.MILLISECONDS);
      try {
        return work.call();
      } finally {
        sampler.shutdownNow();
      }
    }
  }

  /** A scenario measured on this running careflow. */
  interface Measured extends Scenario {
    void run(CareflowRun run) throws Exception;
  }
}
