package io.careflow.communication;

import io.careflow.calendar.BusinessHoursProperties;
import io.careflow.system.UserDirectory;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.springframework.stereotype.Component;

/**
 * What makes an automatic notice personal and say when: the agent of the case, who signs it (the
 * one who holds or last held a task of the case; none yet — the shop signs), and the times the
 * case's running deadlines fall due, written for the customer — in their time zone (else the
 * shop's) and in the words of the notice's language, e.g. "Monday, 7 December, 13:00",
 * "poniedziałek, 7 grudnia, 13:00", "понедельник, 7 декабря, 13:00".
 */
@Component
public class NoticeSignature {

  private static final String PATTERN = "EEEE, d MMMM, HH:mm";

  private final HistoryService history;
  private final UserDirectory users;
  private final RunningDeadlines deadlines;
  private final BusinessHoursProperties shopHours;

  public NoticeSignature(HistoryService history, UserDirectory users, RunningDeadlines deadlines,
      BusinessHoursProperties shopHours) {
    this.history = history;
    this.users = users;
    this.deadlines = deadlines;
    this.shopHours = shopHours;
  }

  /** The display name of the case's agent, if a person has held one of its tasks. */
  public Optional<String> agentOf(String contactId) {
    return history.createHistoricTaskInstanceQuery().processInstanceBusinessKey(contactId).taskAssigned()
        .orderByHistoricActivityInstanceStartTime().desc().listPage(0, 20).stream()
        .map(HistoricTaskInstance::getAssignee).filter(Objects::nonNull).findFirst().map(users::displayName);
  }

  /**
   * The due time of each deadline of the contact that runs now (not waiting for the customer),
   * by step ({@code reply}, and the steps the models name), written for the customer.
   */
  public Map<String, String> dueTimes(String contactId, ZoneId customerZone, String language) {
    var due = new LinkedHashMap<String, String>();
    deadlines.runningDueTimes(contactId).forEach((step, at) -> due.put(step, when(at, zone(customerZone), language)));
    return due;
  }

  /** The instant in the customer's words: weekday, day, month and time of day. */
  public static String when(Instant at, ZoneId zone, String language) {
    Locale locale = Locale.forLanguageTag(language == null || language.isBlank() ? "en" : language);
    return DateTimeFormatter.ofPattern(PATTERN, locale).format(at.atZone(zone));
  }

  private ZoneId zone(ZoneId customerZone) {
    return customerZone != null ? customerZone : shopHours.zone();
  }

  /** The name of the reply deadline's due time in every notice's template (absent: no reply clock runs). */
  public static final String ANSWER_BY = "answerBy";
  /** The name of the map of due times by step in every notice's template. */
  public static final String DUE = "due";
  /** The name of the signing agent in every notice's template (absent: the shop signs). */
  public static final String AGENT_NAME = "agentName";

  /**
   * The values a notice on the contact gets: {@code agentName} when the case has an agent,
   * {@code due} (step → due time) and {@code answerBy} (the reply deadline's) while they run.
   */
  public Map<String, Object> of(String contactId, ZoneId customerZone, String language) {
    var values = new LinkedHashMap<String, Object>();
    agentOf(contactId).ifPresent(agent -> values.put(AGENT_NAME, agent));
    Map<String, String> due = dueTimes(contactId, customerZone, language);
    values.put(DUE, due);
    if (due.containsKey(RunningDeadlines.REPLY)) {
      values.put(ANSWER_BY, due.get(RunningDeadlines.REPLY));
    }
    return values;
  }
}
