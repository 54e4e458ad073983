package io.careflow.support;

import io.careflow.protocol.defect.DefectReplacementProcess;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The conversation algorithm as an agent ticks it in a form (the shared block
 * {@code forms/blocks/conversation-algorithm.json}): tests of conversation tasks submit it with
 * their own values, as Tasklist does.
 */
public final class Conversation {

  /** The steps' keys, in the order of the block. */
  public static final List<String> STEPS = DefectReplacementProcess.DIALOGUE_STEPS;
  public static final String SKIPPED_REASON = DefectReplacementProcess.DIALOGUE_SKIPPED_REASON;

  private Conversation() {}

  /** {@code values} and every step of the algorithm done. */
  public static Map<String, Object> done(Map<String, Object> values) {
    var all = new HashMap<String, Object>(values);
    STEPS.forEach(step -> all.put(step, "DONE"));
    return all;
  }
}
