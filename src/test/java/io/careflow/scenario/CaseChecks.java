package io.careflow.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import io.careflow.communication.Message;
import io.careflow.casefile.CaseVariables;
import io.careflow.scenario.CustomerMail.Email;
import io.careflow.scenario.Scenario.Check;
import io.careflow.scenario.Scenario.Classification;
import io.careflow.scenario.Scenario.ExpectedEmail;
import io.careflow.scenario.Scenario.ExpectedMessage;
import io.careflow.sla.Deadline;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Compares the case with what the scenario expects and lists every difference at once, so a
 * designer sees all that changed after editing a model, not only the first thing.
 */
final class CaseChecks {

  /** A manager reads contacts through the API (the customer's view of status and SLA). */
  static final String READER = "maria";

  private final Careflow careflow;
  private final String contactId;
  private final String customerEmail;

  CaseChecks(Careflow careflow, String contactId, String customerEmail) {
    this.careflow = careflow;
    this.contactId = contactId;
    this.customerEmail = customerEmail;
  }

  /** {@code GET /api/contacts/{id}}: status, topic, protocol, reply deadline. */
  JsonNode view() {
    var response = careflow.http().get(READER, "/api/contacts/" + contactId);
    if (response.status() != 200) {
      throw new IllegalStateException("GET /api/contacts/" + contactId + " answered " + response.status() + ": "
          + response.body());
    }
    return response.json();
  }

  boolean isClassified() {
    return text(view(), "protocol") != null;
  }

  List<String> classification(Classification expected) {
    JsonNode view = view();
    List<String> differences = new ArrayList<>();
    compare(differences, "topic", expected.topic(), text(view, "topic"));
    compare(differences, "protocol", expected.protocol(), text(view, "protocol"));
    if (expected.team() != null) {
      var team = careflow.engine().getHistoryService().createHistoricVariableInstanceQuery()
          .processInstanceId(text(view, "processInstanceId")).variableName(CaseVariables.TEAM).singleResult();
      compare(differences, "team", expected.team(), team == null ? null : String.valueOf(team.getValue()));
    }
    return differences;
  }

  List<String> check(Check check) {
    List<String> differences = new ArrayList<>();
    if (check.status() != null) {
      compare(differences, "status", check.status(), text(view(), "status"));
    }
    if (check.outcome() != null) {
      String outcome = careflow.contacts().find(contactId).orElseThrow().outcome();
      String expected = check.outcome().equalsIgnoreCase("none") ? null : check.outcome();
      compare(differences, "outcome", expected == null ? "none" : expected, outcome == null ? "none" : outcome);
    }
    if (check.deadlines() != null) {
      deadlines(check.deadlines(), differences);
    }
    if (check.caseEnded() != null) {
      long running = careflow.engine().getRuntimeService().createProcessInstanceQuery()
          .processInstanceBusinessKey(contactId).count();
      if (check.caseEnded() && running > 0) {
        differences.add("expected the case's processes to have ended, " + running + " still running");
      } else if (!check.caseEnded() && running == 0) {
        differences.add("expected the case's processes to be running, all have ended");
      }
    }
    if (check.messages() != null) {
      messages(check.messages(), differences);
    }
    if (check.emails() != null) {
      emails(check.emails(), differences);
    }
    return differences;
  }

  private void deadlines(Map<String, String> expected, List<String> differences) {
    List<Deadline> deadlines = careflow.deadlines().ofContact(contactId);
    if (deadlines.isEmpty()) {
      differences.add("expected deadlines " + expected + ", the case has none");
      return;
    }
    for (var entry : expected.entrySet()) {
      List<Deadline> of = entry.getKey().equals(Check.EVERY_DEADLINE) ? deadlines
          : deadlines.stream().filter(d -> d.step().equals(entry.getKey())).toList();
      if (of.isEmpty()) {
        differences.add("no deadline " + entry.getKey() + " (the case has: "
            + deadlines.stream().map(Deadline::step).distinct().toList() + ")");
      }
      for (Deadline deadline : of) {
        String state = state(deadline);
        if (!state.equals(entry.getValue())) {
          differences.add("deadline " + deadline.step() + " expected " + entry.getValue().toLowerCase() + ", was "
              + state.toLowerCase());
        }
      }
    }
  }

  /** Met: done in time. Breached: done late, or its due time passed while still open. Open: neither yet. */
  static String state(Deadline deadline) {
    if (Boolean.TRUE.equals(deadline.met())) {
      return "MET";
    }
    if (Boolean.FALSE.equals(deadline.met()) || deadline.breachedAt() != null) {
      return "BREACHED";
    }
    return "OPEN";
  }

  private void messages(List<ExpectedMessage> expected, List<String> differences) {
    List<Message> sent = careflow.messages().ofContact(contactId).stream()
        .filter(m -> m.direction() == Message.Direction.OUT).toList();
    boolean same = sent.size() == expected.size();
    for (int i = 0; same && i < sent.size(); i++) {
      same = matches(expected.get(i), sent.get(i));
    }
    if (!same) {
      differences.add("expected " + expected.size() + " message(s) to the customer " + expected.stream()
          .map(CaseChecks::describe).toList() + ", got " + sent.size() + " " + sent.stream()
          .map(CaseChecks::describe).toList());
    }
  }

  private static boolean matches(ExpectedMessage expected, Message message) {
    return (expected.kind() == null || expected.kind().equals(message.kind().name()))
        && (expected.status() == null || expected.status().equals(message.status().name()))
        && (expected.contains() == null || message.body() != null && message.body().contains(expected.contains()));
  }

  private static String describe(ExpectedMessage m) {
    return String.join(" ", m.kind() == null ? "any" : m.kind(), m.status() == null ? "" : m.status(),
        m.contains() == null ? "" : "containing \"" + m.contains() + "\"").replaceAll(" +", " ").trim();
  }

  private static String describe(Message m) {
    String body = m.body() == null ? "" : m.body().strip().replaceAll("\\s+", " ");
    return m.kind() + " " + m.status() + " \"" + (body.length() > 70 ? body.substring(0, 70) + "…" : body) + "\"";
  }

  private void emails(List<ExpectedEmail> expected, List<String> differences) {
    if (careflow.mail() == null) {
      differences.add("e-mails are checked, but this run knows no mail server");
      return;
    }
    if (customerEmail == null) {
      differences.add("e-mails are checked, but the customer has no e-mail address");
      return;
    }
    List<Email> received = CustomerMail.received(careflow.mail(), customerEmail);
    boolean same = received.size() == expected.size();
    for (int i = 0; same && i < received.size(); i++) {
      ExpectedEmail e = expected.get(i);
      Email r = received.get(i);
      same = (e.subject() == null || r.subject() != null && r.subject().contains(e.subject()))
          && (e.contains() == null || r.text() != null && r.text().contains(e.contains()))
          && (e.from() == null || r.from().contains(e.from()));
    }
    if (!same) {
      differences.add("expected " + expected.size() + " e-mail(s) received by the customer " + expected.stream()
          .map(CaseChecks::describe).toList() + ", got " + received.size() + " " + received.stream()
          .map(Email::describe).toList());
    }
  }

  private static String describe(ExpectedEmail e) {
    List<String> parts = new ArrayList<>();
    if (e.from() != null) {
      parts.add("from " + e.from());
    }
    if (e.subject() != null) {
      parts.add("subject containing \"" + e.subject() + "\"");
    }
    if (e.contains() != null) {
      parts.add("containing \"" + e.contains() + "\"");
    }
    return parts.isEmpty() ? "any" : String.join(", ", parts);
  }

  private static void compare(List<String> differences, String what, String expected, String actual) {
    if (expected != null && !Objects.equals(expected, actual)) {
      differences.add("expected " + what + " " + expected + ", was " + (actual == null ? "none" : actual));
    }
  }

  private static String text(JsonNode json, String field) {
    JsonNode value = json.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }
}
