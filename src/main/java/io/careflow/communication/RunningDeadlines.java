package io.careflow.communication;

import java.time.Instant;
import java.util.Map;

/**
 * The deadlines of a case that run now, as a notice to the customer names them. The SLA feature
 * keeps them ({@code sla.DeadlineService}); declared here so that what careflow sends needs
 * nothing of what it guards.
 */
public interface RunningDeadlines {

  /** The step of the reply deadline every contact has; its deadline is the contact's SLA. */
  String REPLY = "reply";

  /**
   * The due time of each deadline of the contact that runs now (not completed, not waiting for
   * the customer), by step ({@link #REPLY}, and the steps the models name), in their order.
   */
  Map<String, Instant> runningDueTimes(String contactId);
}
