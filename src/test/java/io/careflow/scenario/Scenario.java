package io.careflow.scenario;

import io.careflow.calendar.WorkingDuration;
import java.util.List;
import java.util.Map;

/**
 * One scenario file as read ({@link ScenarioReader}): when it starts (null: the runner's
 * default; a local time is shop time), the contact, what it should be classified as, the steps
 * in order and the state at the end. The words are the designer's
 * ({@code processes/scenarios/README.md}); the runner gives them their meaning.
 */
record Scenario(String file, String title, String start, Intake intake, Classification classifiedAs,
    List<Step> steps, Check end) {

  /** How the case begins: a contact the customer sent, or a call nobody answered. */
  sealed interface Intake permits ContactSent, MissedCall {}

  record ContactSent(String channel, String subject, String body, String topicHint, String order, String product,
      Customer customer) implements Intake {}

  record Customer(String name, String email, String phone, String handle, String language) {}

  record MissedCall(String phone) implements Intake {}

  /** Each part optional: only what the designer wrote is checked. */
  record Classification(String topic, String protocol, String team) {}

  sealed interface Step permits TaskStep, Wait, RunDueJobs, CustomerAnswers, CustomerForm, ParcelArrives, CheckStep {}

  /**
   * A task expected open (by element id or name), who has it, its form; completed with the
   * values (as {@code as}, else its assignee), or refused naming {@code refused}.
   */
  record TaskStep(String task, String assignee, String candidateGroup, String form, Map<String, Object> complete,
      String as, String refused) implements Step {}

  /** Working time passes (the business calendar's), every job coming due on the way runs. */
  record Wait(String text, WorkingDuration duration) implements Step {}

  /** The jobs due now run: sends and other asynchronous steps. */
  record RunDueJobs() implements Step {}

  record CustomerAnswers(String text) implements Step {}

  /** The customer's returned parcel reaches the warehouse, which reports what it saw of it. */
  record ParcelArrives(String notes) implements Step {}

  /** The customer fills in the page behind the newest link they got; refused: the page shows it again (400). */
  record CustomerForm(Map<String, String> fields, boolean refused) implements Step {}

  record CheckStep(Check check) implements Step {}

  /**
   * The state of the case. Null parts are not checked. {@code deadlines} maps a deadline's
   * step (e.g. {@code reply}) — or {@link #EVERY_DEADLINE} — to met / breached / open.
   */
  record Check(String status, String outcome, Map<String, String> deadlines, Boolean caseEnded,
      List<ExpectedMessage> messages, List<ExpectedEmail> emails) {

    static final String EVERY_DEADLINE = "*";
  }

  record ExpectedMessage(String kind, String contains, String status) {}

  record ExpectedEmail(String subject, String contains, String from) {}
}
