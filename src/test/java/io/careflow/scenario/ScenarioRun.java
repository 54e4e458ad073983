package io.careflow.scenario;

import io.careflow.scenario.Scenario.CheckStep;
import io.careflow.scenario.Scenario.CustomerAnswers;
import io.careflow.scenario.Scenario.CustomerForm;
import io.careflow.scenario.Scenario.RunDueJobs;
import io.careflow.scenario.Scenario.Step;
import io.careflow.scenario.Scenario.TaskStep;
import io.careflow.scenario.Scenario.Wait;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/** One run of one scenario: the contact comes in, the steps happen in order, the end is checked. */
final class ScenarioRun {

  /** Monday 30 November 2026, 10:00 shop time: a working day, far from holidays. */
  static final LocalDateTime DEFAULT_START = LocalDateTime.of(2026, 11, 30, 10, 0);

  private final Careflow careflow;
  private final Scenario scenario;
  private final EngineClock clock;
  private final TheCustomer customer;
  private String where = "contact";
  private CaseProcesses processes;
  private CaseTasks tasks;
  private CaseChecks checks;
  private boolean classificationChecked;

  ScenarioRun(Careflow careflow, Scenario scenario) {
    this.careflow = careflow;
    this.scenario = scenario;
    this.clock = new EngineClock(careflow.engine(), careflow.calendar());
    this.customer = new TheCustomer(careflow);
  }

  void execute() {
    clock.set(start());
    try {
      String contactId = customer.contacts(scenario.intake());
      processes = new CaseProcesses(careflow.engine(), contactId);
      tasks = new CaseTasks(careflow.engine(), careflow.http(), contactId);
      checks = new CaseChecks(careflow, contactId, customer.email());
      checkClassificationOnceKnown();
      for (int i = 0; i < scenario.steps().size(); i++) {
        where = "step " + (i + 1);
        perform(scenario.steps().get(i), contactId);
        checkClassificationOnceKnown();
      }
      where = "end";
      if (scenario.classifiedAs() != null && !classificationChecked) {
        throw new Mismatch("never classified: expected protocol " + scenario.classifiedAs().protocol()
            + ", open tasks: " + tasks.describeOpen());
      }
      if (scenario.end() != null) {
        expect(checks.check(scenario.end()));
      }
    } catch (Mismatch mismatch) {
      throw new ScenarioFailure(scenario.file(), where, mismatch.getMessage()
          + (processes == null ? "" : processes.dueJobsHint()), mismatch);
    }
  }

  /** The engine clock back to real time, whatever happened. */
  void resetClock() {
    clock.reset();
  }

  private Instant start() {
    var zone = careflow.calendar().hours().zone();
    if (scenario.start() == null) {
      return DEFAULT_START.atZone(zone).toInstant();
    }
    try {
      return OffsetDateTime.parse(scenario.start()).toInstant();
    } catch (DateTimeParseException withoutOffset) {
      try {
        return LocalDateTime.parse(scenario.start()).atZone(zone).toInstant();
      } catch (DateTimeParseException e) {
        throw new ScenarioFailure(scenario.file(), "start", "'" + scenario.start()
            + "' is not a date and time like 2026-11-30T10:00 (shop time) or 2026-11-30T10:00+01:00");
      }
    }
  }

  /** As soon as the case has its protocol — at once, or after triage — it must be the expected one. */
  private void checkClassificationOnceKnown() {
    if (scenario.classifiedAs() != null && !classificationChecked && checks.isClassified()) {
      classificationChecked = true;
      List<String> differences = checks.classification(scenario.classifiedAs());
      if (!differences.isEmpty()) {
        throw new Mismatch("classified as: " + String.join("; ", differences));
      }
    }
  }

  private void perform(Step step, String contactId) {
    if (step instanceof TaskStep task) {
      new AgentWork(tasks).perform(task);
    } else if (step instanceof Wait wait) {
      processes.failIfOurs(clock.pass(wait.duration()));
    } else if (step instanceof RunDueJobs) {
      processes.failIfOurs(clock.runDueJobs());
    } else if (step instanceof CustomerAnswers answer) {
      customer.answers(contactId, answer.text());
    } else if (step instanceof Scenario.ParcelArrives parcel) {
      customer.parcelArrives(contactId, parcel.notes());
    } else if (step instanceof CustomerForm form) {
      customer.fillsIn(contactId, form);
    } else if (step instanceof CheckStep check) {
      expect(checks.check(check.check()));
    } else {
      throw new IllegalStateException("unknown step " + step);
    }
  }

  private static void expect(List<String> differences) {
    if (!differences.isEmpty()) {
      throw new Mismatch(String.join("; ", differences));
    }
  }
}
