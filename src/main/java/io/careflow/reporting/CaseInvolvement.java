package io.careflow.reporting;

import io.careflow.casefile.CaseReaders;
import java.util.Collection;
import org.camunda.bpm.engine.HistoryService;
import org.springframework.stereotype.Service;

/**
 * Whether a person worked on a case ({@link CaseReaders}), by the engine's history: they held one of its tasks
 * (assignee, owner, named candidate), or one of their teams was offered one. Being in
 * {@code agents}, whom every triage task is offered to, does not make everyone part of every
 * case: only the {@code team-*} groups and {@code team-leads} count.
 */
@Service
public class CaseInvolvement {

  private final HistoryService history;

  public CaseInvolvement(HistoryService history) {
    this.history = history;
  }

  public boolean involved(String contactId, String userId, Collection<String> groups) {
    if (history.createHistoricTaskInstanceQuery().processInstanceBusinessKey(contactId)
        .taskInvolvedUser(userId).count() > 0) {
      return true;
    }
    return groups.stream().filter(CaseReaders::isTeam).anyMatch(group ->
        history.createHistoricTaskInstanceQuery().processInstanceBusinessKey(contactId)
            .taskHadCandidateGroup(group).count() > 0);
  }
}
