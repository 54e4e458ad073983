package io.careflow.contact;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;

/**
 * How unhappy the customer is when the contact arrives (SPEC R3): the level the channel gave,
 * or the one the customer's words reach in {@code processes/dissatisfaction-words.dmn},
 * whichever is higher, with the reason the timeline shows. The words are the table's: a designer
 * adds a word or a language there.
 */
@Service
public class Dissatisfaction {

  public static final String DECISION_WORDS = "dissatisfaction-words";
  /** Why the level is what it is: words found, the channel, or the agent who raised it on which task. */
  public static final String REASON = "dissatisfactionReason";

  /** The scale, lowest first: a level only ever replaces a lower one at receipt. */
  public static final List<String> LEVELS = List.of("LOW", "MEDIUM", "HIGH");

  private final DecisionService decisions;

  public Dissatisfaction(DecisionService decisions) {
    this.decisions = decisions;
  }

  /** The level and why; {@code level} null when neither the channel nor the words say anything. */
  public record Level(String level, String reason) {
    static final Level NONE = new Level(null, null);
  }

  /** The channel's level as intake accepts it (any case), or null when it is no level. */
  public static String normalized(String channelLevel) {
    if (channelLevel == null || channelLevel.isBlank()) {
      return null;
    }
    String level = channelLevel.strip().toUpperCase(Locale.ROOT);
    return LEVELS.contains(level) ? level : null;
  }

  /** Whether {@code level} is above {@code than} (a null level is below every level). */
  public static boolean higher(String level, String than) {
    return level != null && (than == null || LEVELS.indexOf(level) > LEVELS.indexOf(than));
  }

  /**
   * @param channelLevel the channel's level, already {@link #normalized} (or null)
   * @param contactText  subject and body as {@link ContactTexts} gives them to the tables
   */
  public Level atReceipt(String channelLevel, String contactText) {
    String wordsLevel = null;
    var reasons = new LinkedHashSet<String>();
    List<Map<String, Object>> rows = decisions.evaluateDecisionByKey(DECISION_WORDS)
        .variables(Variables.createVariables().putValue("contactText", contactText == null ? "" : contactText))
        .evaluate().getResultList();
    for (Map<String, Object> row : rows) {
      String level = normalized((String) row.get("level"));
      if (level == null) {
        continue;
      }
      if (higher(level, wordsLevel)) {
        wordsLevel = level;
        reasons.clear();
      }
      if (level.equals(wordsLevel) && row.get("reason") != null) {
        reasons.add((String) row.get("reason"));
      }
    }
    if (wordsLevel != null && !higher(channelLevel, wordsLevel)) {
      var why = new ArrayList<>(reasons);
      String words = "words found: " + (why.isEmpty() ? "the customer's words" : String.join("; ", why));
      return new Level(wordsLevel, channelLevel != null && channelLevel.equals(wordsLevel)
          ? words + "; the channel said " + channelLevel : words);
    }
    return channelLevel == null ? Level.NONE : new Level(channelLevel, "given by the channel");
  }
}
