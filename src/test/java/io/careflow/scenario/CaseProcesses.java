package io.careflow.scenario;

import io.careflow.casefile.CaseVariables;
import io.careflow.scenario.EngineClock.FailedJob;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;

/**
 * The running processes of one case: its contact process and protocol (business key = contact
 * id) and those careflow starts for it (follow-ups, staff alerts: variable {@code contactId}).
 */
final class CaseProcesses {

  private final ProcessEngine engine;
  private final String contactId;

  CaseProcesses(ProcessEngine engine, String contactId) {
    this.engine = engine;
    this.contactId = contactId;
  }

  Set<String> ids() {
    var runtime = engine.getRuntimeService();
    Set<String> ids = new HashSet<>();
    runtime.createProcessInstanceQuery().processInstanceBusinessKey(contactId).list().forEach(p -> ids.add(p.getId()));
    runtime.createProcessInstanceQuery().variableValueEquals(CaseVariables.CONTACT_ID, contactId).list()
        .forEach(p -> ids.add(p.getId()));
    return ids;
  }

  /** A job of this case that failed is the scenario's failure; other processes' jobs are not its business. */
  void failIfOurs(List<FailedJob> failed) {
    Set<String> ours = ids();
    for (FailedJob job : failed) {
      if (ours.contains(job.job().getProcessInstanceId())) {
        throw new Mismatch("a job of the case failed: " + describe(job.job()) + ": " + job.error().getMessage());
      }
    }
  }

  /** What a designer needs to know when a send has not happened yet: which jobs of the case are due. */
  String dueJobsHint() {
    List<String> due = ids().stream()
        .flatMap(id -> engine.getManagementService().createJobQuery().processInstanceId(id).executable().list()
            .stream())
        .map(this::describe).sorted().toList();
    return due.isEmpty() ? "" : " (due to run: " + due + " — a '" + ScenarioReader.RUN_DUE_JOBS
        + "' step runs them)";
  }

  private String describe(Job job) {
    var definition = engine.getManagementService().createJobDefinitionQuery()
        .jobDefinitionId(job.getJobDefinitionId()).singleResult();
    return (definition == null ? "job" : definition.getActivityId()) + " (" + job.getProcessDefinitionKey() + ")";
  }
}
