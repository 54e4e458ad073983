package io.careflow.contact;

import io.careflow.casefile.CaseVariables;
import io.careflow.casefile.ContactEvents;
import io.careflow.system.Groups;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * "Hand over to a senior agent": the communication style says a senior takes over, so the
 * case's next tasks go to the team leads instead of the topic's team ({@code ${team}}). The model
 * calls it before the protocol starts; {@link CommunicationStyleListener} calls
 * {@link #handOver} when an agent raises the dissatisfaction on any later task. The timeline
 * gets one entry per case, with the reason: the words found, the channel, or who raised it where.
 */
@Component
public class HandToSeniorDelegate implements JavaDelegate {

  /** The case went to a senior agent already: once on the timeline, whoever asks again. */
  public static final String HANDED_TO_SENIOR = "handedToSenior";

  private final ContactEvents events;

  public HandToSeniorDelegate(ContactEvents events) {
    this.events = events;
  }

  @Override
  public void execute(DelegateExecution execution) {
    handOver(execution, ContactEvents.SYSTEM);
  }

  /** The case's following tasks go to the team leads; recorded the first time only. */
  public void handOver(VariableScope scope, String actor) {
    String team = CaseVariables.string(scope, CaseVariables.TEAM);
    if (!Objects.equals(team, Groups.TEAM_LEADS)) {
      scope.setVariable(CaseVariables.TEAM, Groups.TEAM_LEADS);
    }
    if (Boolean.TRUE.equals(scope.getVariable(HANDED_TO_SENIOR))) {
      return;
    }
    scope.setVariable(HANDED_TO_SENIOR, true);
    Object level = scope.getVariable(CommunicationStyle.DISSATISFACTION);
    Object reason = scope.getVariable(Dissatisfaction.REASON);
    events.record(CaseVariables.contactId(scope), ContactEvents.SENIOR_TAKES_OVER, actor,
        "communication style: a senior agent takes over" + (team == null || team.equals(Groups.TEAM_LEADS) ? ""
            : " from " + team) + (level == null ? "" : " (dissatisfaction " + level
            + (reason == null ? "" : ", " + reason) + ")"));
  }
}
