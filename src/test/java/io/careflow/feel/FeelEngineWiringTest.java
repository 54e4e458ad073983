package io.careflow.feel;

import static org.assertj.core.api.Assertions.assertThat;

import io.careflow.casefile.CaseVariables;
import io.careflow.contact.ContactProcess;
import io.careflow.form.FeelEvaluator;
import io.careflow.protocol.defect.DefectReplacementProcess;
import io.careflow.support.CareflowIntegrationTest;
import java.util.Map;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The running engine's decisions and the forms' conditions go through careflow's FEEL engine. */
class FeelEngineWiringTest extends CareflowIntegrationTest {

  @Autowired
  FeelEvaluator forms;

  @Test
  void theEngineDecidesWithCareflowFeelAndParsesEachCellOnce() {
    var dmn = ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration()).getDmnEngineConfiguration();
    assertThat(dmn.getFeelEngine()).isInstanceOf(CareflowFeelEngine.class);
    var feel = (CareflowFeelEngine) dmn.getFeelEngine();

    var variables = Variables.createVariables().putValue(CaseVariables.TOPIC_HINT, null)
        .putValue(CaseVariables.CHANNEL, "EMAIL").putValue(CaseVariables.CALL_BACK_AT, null)
        .putValue("contactText", "the kettle is broken");
    var first = processEngine.getDecisionService().evaluateDecisionTableByKey(ContactProcess.DECISION_CLASSIFICATION)
        .variables(variables).evaluate();
    long parsed = feel.parses();
    var second = processEngine.getDecisionService().evaluateDecisionTableByKey(ContactProcess.DECISION_CLASSIFICATION)
        .variables(variables).evaluate();

    assertThat(second.getSingleResult().<String>getEntry(CaseVariables.TOPIC)).isEqualTo("DEFECT");
    assertThat(second.getResultList()).isEqualTo(first.getResultList());
    assertThat(feel.parses()).as("the second evaluation parsed nothing").isEqualTo(parsed);

    assertThat(forms.evaluate("reviewDecision != \"REJECT\"", Map.of(DefectReplacementProcess.REVIEW_DECISION, "ACCEPT")::get)).isEqualTo(true);
    long afterForm = feel.parses();
    assertThat(forms.evaluate("reviewDecision != \"REJECT\"", Map.of(DefectReplacementProcess.REVIEW_DECISION, "REJECT")::get)).isEqualTo(false);
    assertThat(feel.parses()).isEqualTo(afterForm);
  }
}
