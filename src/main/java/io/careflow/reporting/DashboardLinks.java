package io.careflow.reporting;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The case searches behind the dashboard's numbers: each number links to {@code /cases?…}
 * filtered to exactly the cases it counts (the search reads the same SQL definitions,
 * {@link KpiSql}). Numbers of a period count the contacts customers made ({@code proactive=false})
 * received in it; the backlog counts every open case now, whenever received. Contacts the
 * retention job has deleted are counted in the period's numbers (from the daily aggregates) but
 * have no case left to list.
 */
public final class DashboardLinks {

  /** How the dashboard and the search name the cases no team runs yet. */
  static final String TRIAGE = "triage";

  /** A number and the search that lists its cases. */
  public record Link(String label, String value, String href) {}

  private final String period;
  private final String channel;
  private final String team;
  private final String topic;

  /** {@code from} and {@code to}: the dashboard's shop-local days, both included. */
  DashboardLinks(String from, String to, String channel, String team, String topic) {
    this.period = "from=" + encode(from) + "&to=" + encode(to);
    this.channel = blank(channel) ? null : channel.trim();
    this.team = blank(team) ? null : team.trim();
    this.topic = blank(topic) ? null : topic.trim();
  }

  /** The customers' contacts of the period, with the dashboard's filters and these parameters. */
  String received(String... more) {
    return search(true, channel, topic, more);
  }

  /** Of one channel (a bar of "contacts per channel"). */
  String receivedInChannel(String ofChannel, String... more) {
    return search(true, ofChannel, topic, more);
  }

  /** Of one topic (a bar of "contacts per topic"). */
  String receivedOnTopic(String ofTopic, String... more) {
    return search(true, channel, ofTopic, more);
  }

  /** Open cases now of one team ({@code null}: in triage), as the backlog counts them. */
  String backlog(String ofTeam, String... more) {
    return link(List.of("status=OPEN&status=WAITING_FOR_CUSTOMER"), channel, ofTeam == null ? TRIAGE : ofTeam,
        topic, more);
  }

  /** Open cases now past a deadline, with the dashboard's filters (the list of open breaches). */
  String openBreaches() {
    return link(List.of("status=OPEN&status=WAITING_FOR_CUSTOMER&deadline=OVERDUE"), channel, team, topic);
  }

  private String search(boolean customersOnly, String ofChannel, String ofTopic, String... more) {
    return link(customersOnly ? List.of(period, "proactive=false") : List.of(period), ofChannel, team, ofTopic, more);
  }

  private static String link(List<String> first, String ofChannel, String ofTeam, String ofTopic, String... more) {
    var parts = new ArrayList<>(first);
    if (ofChannel != null) {
      parts.add("channel=" + encode(ofChannel));
    }
    if (ofTeam != null) {
      parts.add("team=" + encode(ofTeam));
    }
    if (ofTopic != null) {
      parts.add("topic=" + encode(ofTopic));
    }
    parts.addAll(List.of(more));
    return "/cases?" + String.join("&", parts);
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }
}
