package io.careflow.contact;

import io.careflow.system.Groups;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Hand over to a senior agent": the communication style says a senior takes over, so the
 * protocol's tasks go to the team leads instead of the topic's team.
 */
@Component
public class HandToSeniorDelegate implements JavaDelegate {

  private final ContactEvents events;

  public HandToSeniorDelegate(ContactEvents events) {
    this.events = events;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String team = CaseVariables.string(execution, CaseVariables.TEAM);
    execution.setVariable(CaseVariables.TEAM, Groups.TEAM_LEADS);
    events.record(CaseVariables.contactId(execution), ContactEvents.SENIOR_TAKES_OVER, ContactEvents.SYSTEM,
        "communication style: a senior agent takes over from " + team);
  }
}
