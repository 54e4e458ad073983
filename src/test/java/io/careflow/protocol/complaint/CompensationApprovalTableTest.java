package io.careflow.protocol.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every row of {@code processes/compensation-approval.dmn}: when a lead approves a compensation. */
class CompensationApprovalTableTest {

  static DmnEngine dmn;
  static DmnDecision decision;

  @BeforeAll
  static void parse() throws Exception {
    dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream model = CompensationApprovalTableTest.class.getResourceAsStream(
        "/processes/compensation-approval.dmn")) {
      decision = dmn.parseDecision(ComplaintProcess.DECISION_COMPENSATION_APPROVAL, model);
    }
  }

  @ParameterizedTest(name = "{0}, {1} PLN -> approval {2}")
  @CsvSource(nullValues = "null", textBlock = """
      VIP,     300.01, true
      VIP,     300,    false
      VIP,     150,    false
      REGULAR, 100.01, true
      NEW,     100,    false
      null,    250,    true
      null,    0,      false
      """)
  void shouldAskForApprovalAboveTheThreshold(String type, double amount, boolean approval) {
    assertThat(dmn.evaluateDecision(decision, Variables.createVariables().putValue("customerType", type)
        .putValue(ComplaintProcess.COMPENSATION_AMOUNT, amount)).getSingleResult().<Boolean>getEntry("approvalNeeded"))
        .isEqualTo(approval);
  }
}
