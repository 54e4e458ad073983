package io.careflow.feel;

import io.careflow.protocol.inquiry.InquiryProcess;
import io.careflow.casefile.CaseVariables;
import io.careflow.contact.ContactProcess;
import io.careflow.routing.Routing;
import io.careflow.sla.SlaVariables;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.feel.FeelEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Decisions per second and CPU per decision of the three tables every contact meets
 * (classification with its keyword table, SLA policy, routing with its product category),
 * evaluated by the DMN engine's own FEEL and by careflow's, side by side in one JVM: rounds
 * alternate between the two, so the load of a shared machine falls on both. Off in the normal
 * build; prints its figures:
 *
 * <pre>./mvnw -o test -Dtest=DecisionBenchmark -Dcareflow.benchmark.decisions=5 [-Dcareflow.benchmark.seconds=1]</pre>
 *
 * ({@code decisions} is the number of measured rounds per engine and table, after a warm-up.)
 */
@EnabledIfSystemProperty(named = "careflow.benchmark.decisions", matches = "\\d+")
class DecisionBenchmark {

  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

  private static final List<String> TEXTS = List.of("Czajnik się zepsuł po tygodniu", "Чайник сломался",
      "The kettle is broken", "Chcę zrobić zwrot butów", "Хочу оформить возврат", "How do I return this?",
      "Składam skargę na kuriera", "This is unacceptable", "Jaki jest czas dostawy?", "Когда придёт заказ?",
      "Is it in stock?", "Dzień dobry, mam pytanie o zamówienie numer 12345 z zeszłego tygodnia.");
  private static final List<String> CHANNELS = List.of("EMAIL", "CHAT", "SMS", "WEB_FORM", "PHONE", "SOCIAL");

  @Test
  void measure() throws Exception {
    int rounds = Integer.getInteger("careflow.benchmark.decisions");
    long nanos = (long) (Double.parseDouble(System.getProperty("careflow.benchmark.seconds", "1")) * 1e9);
    var engines = new Decisions(new DefaultDmnEngineConfiguration());
    var careflow = new Decisions(FeelEnginePlugin.use(new DefaultDmnEngineConfiguration()));

    System.out.printf(Locale.ROOT, "FEEL engine %s, JDK %s, %d cores, load average before %.2f%n",
        feelVersion(), System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    // the JIT compiles both engines' paths before anything is measured
    for (int i = 0; i < 5; i++) {
      run(engines::all, nanos);
      run(careflow::all, nanos);
    }
    Map<String, List<Runnable>> workloads = new LinkedHashMap<>();
    workloads.put("classification (+ keyword table)", List.of(engines::classify, careflow::classify));
    workloads.put("sla-policy", List.of(engines::slaPolicy, careflow::slaPolicy));
    workloads.put("routing (+ product category)", List.of(engines::routing, careflow::routing));
    workloads.put("all three (one contact's set)", List.of(engines::all, careflow::all));
    System.out.println("| decision | engine's own FEEL: evaluations/s, CPU µs each | careflow's FEEL | speed-up (CPU) |");
    System.out.println("|---|---|---|---|");
    for (var workload : workloads.entrySet()) {
      Runnable own = workload.getValue().get(0);
      Runnable ours = workload.getValue().get(1);
      run(own, nanos);
      run(ours, nanos);
      double[][] figures = new double[4][rounds];
      for (int round = 0; round < rounds; round++) {
        double[] a = run(own, nanos);
        double[] b = run(ours, nanos);
        figures[0][round] = a[0];
        figures[1][round] = a[1];
        figures[2][round] = b[0];
        figures[3][round] = b[1];
      }
      System.out.printf(Locale.ROOT, "| %s | %s/s, %s µs | %s/s, %s µs | %.1f× |%n", workload.getKey(),
          median(figures[0], "%.0f"), median(figures[1], "%.1f"), median(figures[2], "%.0f"),
          median(figures[3], "%.1f"), middle(figures[1]) / middle(figures[3]));
    }
    System.out.printf(Locale.ROOT, "load average after %.2f; careflow's engine parsed %d expressions%n",
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), careflow.parses());
  }

  private static String feelVersion() throws java.io.IOException {
    var properties = new java.util.Properties();
    try (InputStream in = FeelEngine.class.getResourceAsStream("/META-INF/maven/org.camunda.feel/feel-engine/pom.properties")) {
      if (in != null) {
        properties.load(in);
      }
    }
    return properties.getProperty("version", "(unknown)");
  }

  /** Evaluations per second and CPU microseconds per evaluation over about {@code nanos}. */
  private static double[] run(Runnable evaluation, long nanos) {
    long start = System.nanoTime();
    long cpu = CPU.getCurrentThreadCpuTime();
    int count = 0;
    while (System.nanoTime() - start < nanos) {
      evaluation.run();
      count++;
    }
    double wall = (System.nanoTime() - start) / 1e9;
    return new double[] {count / wall, (CPU.getCurrentThreadCpuTime() - cpu) / 1e3 / count};
  }

  private static double middle(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static String median(double[] values, String format) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return String.format(Locale.ROOT, format + " [" + format + "–" + format + "]", middle(values), sorted[0],
        sorted[sorted.length - 1]);
  }

  /** The three tables as one DMN engine parsed them, and the inputs they are evaluated on in turn. */
  private static final class Decisions {

    private final DefaultDmnEngineConfiguration configuration;
    private final DmnEngine dmn;
    private final DmnDecision classification;
    private final DmnDecision slaPolicy;
    private final DmnDecision routing;
    private final List<VariableMap> contacts = new ArrayList<>();
    private int next;

    Decisions(DefaultDmnEngineConfiguration configuration) throws Exception {
      this.configuration = configuration;
      this.dmn = configuration.buildEngine();
      this.classification = parse("contact-classification.dmn", ContactProcess.DECISION_CLASSIFICATION);
      this.slaPolicy = parse("sla-policy.dmn", SlaVariables.DECISION_SLA_POLICY);
      this.routing = parse("routing.dmn", Routing.DECISION);
      for (int i = 0; i < TEXTS.size() * CHANNELS.size(); i++) {
        contacts.add(Variables.createVariables()
            .putValue(CaseVariables.TOPIC_HINT, null)
            .putValue(CaseVariables.CHANNEL, CHANNELS.get(i % CHANNELS.size()))
            .putValue(CaseVariables.CALL_BACK_AT, null)
            .putValue("contactText", TEXTS.get(i % TEXTS.size()).toLowerCase(Locale.ROOT))
            .putValue(SlaVariables.STEP, "reply")
            .putValue(CaseVariables.TOPIC, "INQUIRY")
            .putValue(CaseVariables.PROTOCOL_KEY, "inquiry")
            .putValue(SlaVariables.PRIORITY, "NORMAL")
            .putValue(SlaVariables.CUSTOMER_TYPE, i % 3 == 0 ? "VIP" : "REGULAR")
            .putValue(Routing.INPUT_STEP, InquiryProcess.Elements.USER_ANSWER_CUSTOMER)
            .putValue(CaseVariables.LANGUAGE, i % 2 == 0 ? "pl" : "en")
            .putValue(Routing.INPUT_PRODUCT_SKU, i % 4 == 0 ? null : "KET-200"));
      }
    }

    private DmnDecision parse(String file, String key) throws Exception {
      try (InputStream model = Files.newInputStream(Path.of("processes", file))) {
        return dmn.parseDecision(key, model);
      }
    }

    private VariableMap contact() {
      next = (next + 1) % contacts.size();
      return contacts.get(next);
    }

    void classify() {
      dmn.evaluateDecision(classification, contact());
    }

    void slaPolicy() {
      dmn.evaluateDecision(slaPolicy, contact());
    }

    void routing() {
      dmn.evaluateDecision(routing, contact());
    }

    void all() {
      VariableMap contact = contact();
      dmn.evaluateDecision(classification, contact);
      dmn.evaluateDecision(slaPolicy, contact);
      dmn.evaluateDecision(routing, contact);
    }

    long parses() {
      return configuration.getFeelEngine() instanceof CareflowFeelEngine feel ? feel.parses() : -1;
    }
  }
}
