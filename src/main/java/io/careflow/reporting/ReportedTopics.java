package io.careflow.reporting;

import io.careflow.model.TopicCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The topics a report may be asked about: those the deployed classification table knows, and
 * earlier ones that contacts (or archived days) were stored under before a designer changed
 * the table — a shop's history stays readable.
 */
@Component
public class ReportedTopics {

  private final Supplier<List<String>> deployed;
  private final Supplier<List<String>> teams;
  private final KpiRepository kpis;

  @Autowired
  ReportedTopics(TopicCatalog catalog, KpiRepository kpis) {
    this(catalog::names, () -> catalog.topics().stream().map(TopicCatalog.Topic::team)
        .filter(t -> t != null).distinct().toList(), kpis);
  }

  /** With the deployed topics from elsewhere (a report over data alone, e.g. the KPI benchmark). */
  ReportedTopics(Supplier<List<String>> deployed, JdbcClient jdbc) {
    this(deployed, List::of, new KpiRepository(jdbc));
  }

  private ReportedTopics(Supplier<List<String>> deployed, Supplier<List<String>> teams, KpiRepository kpis) {
    this.deployed = deployed;
    this.teams = teams;
    this.kpis = kpis;
  }

  /** The teams the deployed classification table gives its topics (a designer may add one there). */
  public List<String> teams() {
    return teams.get();
  }

  /** The deployed topics, in the table's order. */
  public List<String> current() {
    return deployed.get();
  }

  /** A topic the table names, or one contacts or archived days were stored under. */
  public boolean known(String topic) {
    if (current().contains(topic)) {
      return true;
    }
    // only a topic the table no longer names costs a look into the data
    return kpis.topicSeen(topic);
  }

  /** The options of a topic filter: the deployed topics, then {@code also} (e.g. topics seen in a period). */
  public List<String> options(Iterable<String> also) {
    var options = new ArrayList<>(current());
    for (String topic : also) {
      if (!topic.isBlank() && !options.contains(topic)) {
        options.add(topic);
      }
    }
    return options;
  }
}
