package io.careflow.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.careflow.casefile.Contact;
import io.careflow.support.CareflowIntegrationTest;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.junit.jupiter.api.Test;

/** A contact's history keeps its variables' values and its decisions, not a row per variable change. */
class VariableHistoryTest extends CareflowIntegrationTest {

  @Test
  void shouldKeepValuesAndDecisionsButNoVariableChanges() {
    Contact contact = intake.receive(emailContact(uniqueEmail("history"), "INQUIRY", "Warranty?", "How long?"),
        "intake").contact();
    var history = processEngine.getHistoryService();
    HistoricProcessInstance pi = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(contact.id())
        .list().get(0);
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId()).count())
        .as("variable values").isPositive();
    assertThat(history.createHistoricDecisionInstanceQuery().processInstanceId(pi.getId()).includeInputs()
        .list()).as("decisions with their inputs").isNotEmpty()
        .allSatisfy(d -> assertThat(d.getInputs()).isNotEmpty());
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(pi.getId()).count()).isPositive();
    assertThat(history.createHistoricDetailQuery().processInstanceId(pi.getId()).variableUpdates().count())
        .as("no row per variable change").isZero();
  }
}
