package io.careflow.deployment;

import io.careflow.casefile.CaseVariables;
import io.careflow.casefile.ContactEvents;
import io.careflow.contact.RecordOutcomeDelegate;
import io.careflow.system.TaskFormInput;
import io.careflow.system.UserDirectory;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Beans that models deployed by an earlier careflow still name. Running cases stay on the
 * version they started with, so a case that waits at one of these tasks when careflow is
 * upgraded completes it on its own version, which calls the bean by name: without it the agent
 * could not complete the task. Each does what the retired bean did, on the same services as
 * the building block that does it in the current models. New models use the blocks; these
 * stay until no running case of those versions is left (Cockpit: the process's versions).
 */
@Configuration
class EarlierModels {

  /**
   * complaint.bpmn before protocols as data, "Investigate complaint" (complete): the outcome,
   * justified or not — now the step "Record the outcome: justified or not".
   */
  @Bean
  TaskListener investigationListener(RecordOutcomeDelegate outcome) {
    return task -> outcome.record(CaseVariables.contactId(task),
        "YES".equals(task.getVariable("complaintJustified")) ? "COMPLAINT_JUSTIFIED" : "COMPLAINT_NOT_JUSTIFIED",
        null);
  }

  /**
   * return.bpmn before protocols as data, "Receive returned item" (complete): the arrival on the
   * case — now the step "Record on the case: item received".
   */
  @Bean
  TaskListener receiveReturnedItemListener(ContactEvents events, UserDirectory users) {
    return task -> {
      Object notes = task.getVariable("parcelNotes");
      events.record(CaseVariables.contactId(task), "RETURN_RECEIVED", TaskFormInput.actor(task, users),
          notes == null || notes.toString().isBlank() ? "item received" : "item received: " + notes.toString().strip());
    };
  }

  /**
   * defect-replacement.bpmn before protocols as data, "Contact the customer" (complete): what
   * was agreed — now the step "Record on the case: what was agreed".
   */
  @Bean
  TaskListener contactCustomerListener(ContactEvents events, UserDirectory users) {
    return task -> events.record(CaseVariables.contactId(task), "SPECIALIST_CONTACTED",
        TaskFormInput.actor(task, users), String.valueOf(task.getVariable("contactNotes")).strip());
  }
}
