package io.careflow.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import io.careflow.casefile.CaseVariables;
import io.careflow.support.Http;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;

/**
 * The open tasks of one case — its contact process and protocol (business key = contact id) and
 * the processes careflow starts for it (follow-ups: variable {@code contactId}) — and their work
 * as an agent does it: over careflow's REST API, signed in, so security, routing and the forms'
 * checks are the real ones.
 */
final class CaseTasks {

  private final ProcessEngine engine;
  private final Http http;
  private final String contactId;

  CaseTasks(ProcessEngine engine, Http http, String contactId) {
    this.engine = engine;
    this.http = http;
    this.contactId = contactId;
  }

  List<Task> open() {
    Map<String, Task> tasks = new LinkedHashMap<>();
    var query = engine.getTaskService();
    query.createTaskQuery().processInstanceBusinessKey(contactId).initializeFormKeys().orderByTaskCreateTime().asc()
        .list().forEach(t -> tasks.put(t.getId(), t));
    query.createTaskQuery().processVariableValueEquals(CaseVariables.CONTACT_ID, contactId).initializeFormKeys()
        .orderByTaskCreateTime().asc().list().forEach(t -> tasks.putIfAbsent(t.getId(), t));
    return List.copyOf(tasks.values());
  }

  /** The open task with that element id, or that name (as Tasklist shows it). */
  Optional<Task> find(String idOrName) {
    List<Task> open = open();
    return open.stream().filter(t -> idOrName.equals(t.getTaskDefinitionKey())).findFirst()
        .or(() -> open.stream().filter(t -> idOrName.trim().equalsIgnoreCase(t.getName())).findFirst());
  }

  boolean isOpen(String taskId) {
    return engine.getTaskService().createTaskQuery().taskId(taskId).count() > 0;
  }

  Set<String> candidateGroups(Task task) {
    Set<String> groups = new LinkedHashSet<>();
    for (IdentityLink link : engine.getTaskService().getIdentityLinksForTask(task.getId())) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
        groups.add(link.getGroupId());
      }
    }
    return groups;
  }

  /** "user_inspect_item (anna)", or "(team-returns)" while nobody has it. */
  String describe(Task task) {
    return task.getTaskDefinitionKey() + " (" + (task.getAssignee() != null ? task.getAssignee()
        : String.join(", ", candidateGroups(task))) + ")";
  }

  String describeOpen() {
    return open().stream().map(this::describe).toList().toString();
  }

  /** Tasklist lets an agent work a task of their team's queue once they claimed it. */
  Http.Response claim(Task task, String user) {
    return http.postJson(user, "/engine-rest/task/" + task.getId() + "/claim", Map.of("userId", user));
  }

  Http.Response complete(Task task, String user, Map<String, Object> values) {
    Map<String, Object> variables = new LinkedHashMap<>();
    values.forEach((name, value) -> {
      Map<String, Object> typed = new LinkedHashMap<>();
      typed.put("value", value);
      typed.put("type", value == null ? "Null" : value.getClass().getSimpleName());
      variables.put(name, typed);
    });
    return http.postJson(user, "/engine-rest/task/" + task.getId() + "/complete", Map.of("variables", variables));
  }

  /**
   * The keys of the task's form as that user gets it from careflow (Camunda Forms JSON), or empty
   * when the task has no such form: what Tasklist could submit at all.
   */
  Optional<Set<String>> formFields(Task task, String user) {
    Http.Response form = http.get(user, "/engine-rest/task/" + task.getId() + "/deployed-form");
    if (form.status() != 200) {
      return Optional.empty();
    }
    JsonNode json;
    try {
      json = form.json();
    } catch (AssertionError notJson) {
      return Optional.empty();
    }
    Set<String> keys = new LinkedHashSet<>();
    collectKeys(json, keys);
    return keys.isEmpty() ? Optional.empty() : Optional.of(keys);
  }

  /** The label the task's form shows for the field {@code key} (the key when the form has no such label). */
  String label(Task task, String user, String key) {
    Http.Response form = http.get(user, "/engine-rest/task/" + task.getId() + "/deployed-form");
    if (form.status() != 200) {
      return key;
    }
    try {
      return io.careflow.form.CamundaForms.parse(form.body()).fields().stream().filter(f -> key.equals(f.key()))
          .map(io.careflow.form.FormField::label).findFirst().orElse(key);
    } catch (RuntimeException notAForm) {
      return key;
    }
  }

  private static void collectKeys(JsonNode node, Set<String> keys) {
    for (JsonNode component : node.path("components")) {
      if (component.hasNonNull("key")) {
        keys.add(component.get("key").asText());
      }
      collectKeys(component, keys);
    }
  }

  static List<String> unknown(Map<String, Object> values, Set<String> fields) {
    List<String> unknown = new ArrayList<>(values.keySet());
    unknown.removeAll(fields);
    return unknown;
  }
}
