package io.careflow.scenario;

import io.careflow.communication.Message;
import io.careflow.contact.CaseVariables;
import io.careflow.scenario.EngineClock.FailedJob;
import io.careflow.scenario.Scenario.CheckStep;
import io.careflow.scenario.Scenario.ContactSent;
import io.careflow.scenario.Scenario.CustomerAnswers;
import io.careflow.scenario.Scenario.CustomerForm;
import io.careflow.scenario.Scenario.MissedCall;
import io.careflow.scenario.Scenario.RunDueJobs;
import io.careflow.scenario.Scenario.Step;
import io.careflow.scenario.Scenario.TaskStep;
import io.careflow.scenario.Scenario.Wait;
import io.careflow.support.Http;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;

/** One run of one scenario: the contact comes in, the steps happen in order, the end is checked. */
final class ScenarioRun {

  /** Monday 30 November 2026, 10:00 shop time: a working day, far from holidays. */
  static final LocalDateTime DEFAULT_START = LocalDateTime.of(2026, 11, 30, 10, 0);
  /** Channel integrations push contacts and customers' answers. */
  static final String INTEGRATION = "intake";
  static final String NOBODY = "nobody";

  private static final Pattern PUBLIC_LINK = Pattern.compile("https?://[^/\\s]+(/public/[^\\s\"'<>]+)");
  private static final Pattern PAGE_FIELD = Pattern.compile("name=\"([^\"]+)\"");

  private final Careflow careflow;
  private final Scenario scenario;
  private final Http http;
  private final EngineClock clock;
  private final UniqueCustomer unique = UniqueCustomer.newRun();
  private String where = "contact";
  private String contactId;
  private String customerEmail;
  private CaseTasks tasks;
  private CaseChecks checks;
  private boolean classificationChecked;

  ScenarioRun(Careflow careflow, Scenario scenario) {
    this.careflow = careflow;
    this.scenario = scenario;
    this.http = careflow.http();
    this.clock = new EngineClock(careflow.engine(), careflow.calendar());
  }

  void execute() {
    clock.set(start());
    receiveContact();
    afterEachStep();
    for (int i = 0; i < scenario.steps().size(); i++) {
      where = "step " + (i + 1);
      perform(scenario.steps().get(i));
      afterEachStep();
    }
    where = "end";
    if (scenario.classifiedAs() != null && !classificationChecked) {
      fail("never classified: expected protocol " + scenario.classifiedAs().protocol() + ", open tasks: "
          + tasks.describeOpen() + waitingJobs());
    }
    if (scenario.end() != null) {
      expect(checks.check(scenario.end()));
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

  private void receiveContact() {
    Http.Response response;
    if (scenario.intake() instanceof ContactSent sent) {
      customerEmail = unique.email(sent.customer().email());
      Map<String, Object> customer = new LinkedHashMap<>();
      customer.put("name", sent.customer().name());
      customer.put("email", customerEmail);
      customer.put("phone", unique.phone(sent.customer().phone()));
      customer.put("handle", unique.handle(sent.customer().handle()));
      customer.put("language", sent.customer().language());
      Map<String, Object> contact = new LinkedHashMap<>();
      contact.put("channel", sent.channel());
      contact.put("externalId", "<scenario-" + UUID.randomUUID() + "@scenarios.careflow>");
      contact.put("customer", customer);
      contact.put("subject", sent.subject());
      contact.put("body", sent.body());
      contact.put("topic", sent.topicHint());
      contact.put("orderId", sent.order());
      contact.put("productSku", sent.product());
      response = http.postJson(INTEGRATION, "/api/contacts", contact);
    } else {
      MissedCall call = (MissedCall) scenario.intake();
      response = http.postJson(INTEGRATION, "/api/calls/missed",
          Map.of("callId", "scenario-" + UUID.randomUUID(), "phone", unique.phone(call.phone())));
    }
    if (response.status() != 201) {
      fail("careflow did not take the contact: " + response.status() + " " + response.body());
    }
    contactId = response.json().get("id").asText();
    tasks = new CaseTasks(careflow.engine(), http, contactId);
    checks = new CaseChecks(careflow, contactId, customerEmail);
  }

  /** The classification is checked as soon as the case has its protocol (at once, or after triage). */
  private void afterEachStep() {
    if (scenario.classifiedAs() != null && !classificationChecked && checks.isClassified()) {
      classificationChecked = true;
      List<String> differences = checks.classification(scenario.classifiedAs());
      if (!differences.isEmpty()) {
        fail("classified as: " + String.join("; ", differences));
      }
    }
  }

  private void perform(Step step) {
    if (step instanceof TaskStep task) {
      task(task);
    } else if (step instanceof Wait wait) {
      reportFailures(clock.pass(wait.duration()));
    } else if (step instanceof RunDueJobs) {
      reportFailures(clock.runDueJobs());
    } else if (step instanceof CustomerAnswers answer) {
      customerAnswers(answer);
    } else if (step instanceof CustomerForm form) {
      customerForm(form);
    } else if (step instanceof CheckStep check) {
      expect(checks.check(check.check()));
    } else {
      throw new IllegalStateException("unknown step " + step);
    }
  }

  private void task(TaskStep step) {
    Task task = tasks.find(step.task()).orElseThrow(() -> failure("expected task " + step.task() + ", open tasks: "
        + tasks.describeOpen() + waitingJobs()));
    String name = task.getTaskDefinitionKey();
    if (step.assignee() != null) {
      String expected = step.assignee().equalsIgnoreCase(NOBODY) ? null : step.assignee();
      if (!Objects.equals(expected, task.getAssignee())) {
        fail("expected " + name + " assigned to " + step.assignee() + ", it is " + who(task));
      }
    }
    if (step.candidateGroup() != null) {
      Set<String> groups = tasks.candidateGroups(task);
      if (!groups.contains(step.candidateGroup())) {
        fail("expected " + name + " offered to " + step.candidateGroup() + ", it is offered to " + groups);
      }
      if (step.assignee() == null && task.getAssignee() != null) {
        fail("expected " + name + " waiting in " + step.candidateGroup() + " with nobody on it, it is assigned to "
            + task.getAssignee());
      }
    }
    if (step.form() != null) {
      String form = task.getCamundaFormRef() != null ? task.getCamundaFormRef().getKey() : task.getFormKey();
      if (!step.form().equals(form)) {
        fail("expected " + name + " with form " + step.form() + ", it has " + (form == null ? "none" : form));
      }
    }
    if (step.complete() != null) {
      complete(task, step);
    }
  }

  private void complete(Task task, TaskStep step) {
    String name = task.getTaskDefinitionKey();
    String user = step.as() != null ? step.as() : task.getAssignee();
    if (user == null) {
      fail("nobody has " + name + " (offered to " + tasks.candidateGroups(task)
          + "): say who completes it with 'as:'");
    }
    if (task.getAssignee() == null) {
      Http.Response claim = tasks.claim(task, user);
      if (claim.status() != 204) {
        fail(user + " could not claim " + name + ": " + claim.status() + " " + claim.body());
      }
    }
    tasks.formFields(task, user).ifPresent(fields -> {
      List<String> unknown = CaseTasks.unknown(step.complete(), fields);
      if (!unknown.isEmpty()) {
        fail("not on the form of " + name + ": " + unknown + " (its fields: " + fields + ")");
      }
    });
    Http.Response response = tasks.complete(task, user, step.complete());
    if (step.refused() != null) {
      if (response.status() != 400 || !response.body().contains(step.refused())) {
        fail("expected completing " + name + " as " + user + " to be refused naming " + step.refused() + ", careflow "
            + "answered " + response.status() + (response.status() == 204 ? " (completed)" : " " + response.body()));
      }
      if (!tasks.isOpen(task.getId())) {
        fail(name + " was refused but is no longer open");
      }
    } else if (response.status() != 204) {
      fail("completing " + name + " as " + user + " was refused: " + response.status() + " " + response.body());
    }
  }

  private void customerAnswers(CustomerAnswers answer) {
    Http.Response response = http.postJson(INTEGRATION, "/api/contacts/" + contactId + "/messages",
        Map.of("body", answer.text(), "externalId", "scenario-answer-" + UUID.randomUUID()));
    if (response.status() != 202) {
      fail("careflow did not take the customer's answer: " + response.status() + " " + response.body());
    }
  }

  /** The page behind the newest link the shop sent the customer (return form, replacement request, survey). */
  private void customerForm(CustomerForm form) {
    List<Message> sent = careflow.messages().ofContact(contactId).stream()
        .filter(m -> m.direction() == Message.Direction.OUT).toList();
    String page = null;
    for (Message message : sent) {
      Matcher link = PUBLIC_LINK.matcher(message.body() == null ? "" : message.body());
      if (link.find()) {
        page = link.group(1);
      }
    }
    if (page == null) {
      fail("the customer got no link to a form (messages so far: " + sent.size() + ")" + waitingJobs());
    }
    Http.Response shown = http.get(null, page);
    if (shown.status() == 200) {
      Set<String> fields = new TreeSet<>();
      Matcher input = PAGE_FIELD.matcher(shown.body());
      while (input.find()) {
        fields.add(input.group(1));
      }
      List<String> unknown = form.fields().keySet().stream().filter(f -> !fields.contains(f)).toList();
      if (!unknown.isEmpty()) {
        fail("not on the customer's page: " + unknown + " (its fields: " + fields + ")");
      }
    }
    String body = form.fields().entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
        + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    Http.Response response = http.post(null, page, "application/x-www-form-urlencoded", body);
    int expected = form.refused() ? 400 : 200;
    if (response.status() != expected) {
      fail("expected the page " + page.replaceAll("/[^/]+$", "/…") + " to answer " + expected
          + (form.refused() ? " (refused)" : "") + ", it answered " + response.status());
    }
  }

  private void expect(List<String> differences) {
    if (!differences.isEmpty()) {
      fail(String.join("; ", differences) + waitingJobs());
    }
  }

  /** A job of this case that fails is the scenario's failure; other processes' jobs are not its business. */
  private void reportFailures(List<FailedJob> failed) {
    Set<String> ours = caseProcessInstances();
    for (FailedJob job : failed) {
      if (ours.contains(job.job().getProcessInstanceId())) {
        fail("a job of the case failed: " + describe(job.job()) + ": " + job.error().getMessage());
      }
    }
  }

  /** The hint a designer needs when a send has not happened yet. */
  private String waitingJobs() {
    List<String> waiting = caseProcessInstances().stream()
        .flatMap(id -> careflow.engine().getManagementService().createJobQuery().processInstanceId(id).executable()
            .list().stream())
        .map(this::describe).sorted().toList();
    return waiting.isEmpty() ? "" : " (due to run: " + waiting + " — a '" + ScenarioReader.RUN_DUE_JOBS
        + "' step runs them)";
  }

  private Set<String> caseProcessInstances() {
    var runtime = careflow.engine().getRuntimeService();
    Set<String> ids = new HashSet<>();
    runtime.createProcessInstanceQuery().processInstanceBusinessKey(contactId).list().forEach(p -> ids.add(p.getId()));
    runtime.createProcessInstanceQuery().variableValueEquals(CaseVariables.CONTACT_ID, contactId).list()
        .forEach(p -> ids.add(p.getId()));
    return ids;
  }

  private String describe(Job job) {
    var definition = careflow.engine().getManagementService().createJobDefinitionQuery()
        .jobDefinitionId(job.getJobDefinitionId()).singleResult();
    return (definition == null ? "job" : definition.getActivityId()) + " (" + job.getProcessDefinitionKey() + ")";
  }

  private String who(Task task) {
    return task.getAssignee() != null ? "assigned to " + task.getAssignee()
        : "with nobody, offered to " + tasks.candidateGroups(task);
  }

  private ScenarioFailure failure(String what) {
    return new ScenarioFailure(scenario.file(), where, what);
  }

  private void fail(String what) {
    throw failure(what);
  }
}
