package io.careflow.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every row of {@code processes/sla-policy.dmn} (SPEC R2), and what falls through it. */
class SlaPolicyTableTest {

  static DmnEngine dmn;
  static DmnDecision decision;

  @BeforeAll
  static void parse() throws Exception {
    dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream model = SlaPolicyTableTest.class.getResourceAsStream("/processes/sla-policy.dmn")) {
      decision = dmn.parseDecision(SlaVariables.DECISION_SLA_POLICY, model);
    }
  }

  @ParameterizedTest(name = "{0} / {1} / {2} / {3} -> {4}: {5}")
  @CsvSource(nullValues = "null", delimiter = '|', textBlock = """
      replacement-review | EMAIL       | NORMAL | null    | P2D   | replacement reviewed within 2 working days
      replacement-review | PHONE       | HIGH   | VIP     | P2D   | the review row wins over every reply row
      replacement-contact | EMAIL      | NORMAL | null    | P2D   | reviewed and contacted within 2 working days
      replacement-contact | CHAT       | URGENT | VIP     | P2D   | the contact row wins over every reply row
      replacement-shipping | EMAIL     | NORMAL | null    | P1D   | an approved replacement leaves within 1 working day
      return-inspection  | EMAIL       | NORMAL | null    | P1D   | a returned item is inspected within 1 working day
      call-again         | MISSED_CALL | NORMAL | null    | PT1H  | another attempt within 1 working hour of the time chosen
      call-again         | WEB_FORM    | HIGH   | VIP     | PT1H  | the attempt's row wins over every reply row
      follow-up          | null        | null   | null    | PT4H  | a follow-up (its process knows no channel) within 4 working hours
      follow-up          | EMAIL       | URGENT | VIP     | PT4H  | the follow-up row wins over every reply row
      shipment-delay     | EMAIL       | NORMAL | null    | PT4H  | a delayed shipment is checked within 4 working hours
      shipment-delay     | SMS         | HIGH   | VIP     | PT4H  | in every channel, for every customer
      shipment-delay     | null        | null   | null    | PT4H  | even without a channel
      reply              | MISSED_CALL | NORMAL | null    | PT1H  | call back within 1 working hour
      reply              | MISSED_CALL | NORMAL | VIP     | PT1H  | a VIP's missed call: still 1 hour
      reply              | CHAT        | NORMAL | REGULAR | PT60S | chat: first response within 60 s
      reply              | EMAIL       | NORMAL | VIP     | PT3H  | VIP: a written contact within 3 working hours
      reply              | SMS         | HIGH   | NEW     | PT4H  | high priority: within 4 working hours
      reply              | SOCIAL      | URGENT | null    | PT4H  | urgent counts as high
      reply              | EMAIL       | NORMAL | REGULAR | PT6H  | e-mail: within 6 working hours
      reply              | WEB_FORM    | NORMAL | null    | PT6H  | web form is written
      reply              | SOCIAL      | LOW    | NEW     | PT6H  | social is written
      reply              | SMS         | null   | null    | PT6H  | SMS is written
      reply              | PHONE       | NORMAL | null    | PT6H  | an answered call that needs an answer
      """)
  void shouldGiveTheTarget(String step, String channel, String priority, String customerType, String target,
      String why) {
    DmnDecisionResult result = evaluate(step, channel, priority, customerType);
    assertThat(result.getSingleResult().<String>getEntry(SlaVariables.TARGET)).as(why).isEqualTo(target);
    assertThat(result.getSingleResult().<Double>getEntry(SlaVariables.WARNING_FRACTION)).isEqualTo(0.75);
  }

  @Test
  void shouldCallBackACallMeRequestWithinOneWorkingHourWhateverItsChannel() {
    DmnDecisionResult result = dmn.evaluateDecision(decision, Variables.createVariables()
        .putValue(SlaVariables.STEP, "reply").putValue("channel", "WEB_FORM").putValue("protocolKey", "missed-call")
        .putValue(SlaVariables.PRIORITY, "NORMAL").putValue(SlaVariables.CUSTOMER_TYPE, "VIP"));

    assertThat(result.getSingleResult().<String>getEntry(SlaVariables.TARGET)).isEqualTo("PT1H");
  }

  @ParameterizedTest(name = "missed call continued with protocol {0}, {1} -> {2}")
  @CsvSource(nullValues = "null", delimiter = '|', textBlock = """
      null        | NORMAL | PT1H | at receipt: the call-back hour
      missed-call | NORMAL | PT1H | the call-back itself
      inquiry     | NORMAL | PT6H | the reached call goes on as an inquiry: a phone call's answer
      complaint   | HIGH   | PT4H | high priority as for any written answer
      """)
  void shouldGiveACallThatReachedTheCustomerTheTargetsOfItsNextProtocol(String protocol, String priority,
      String target, String why) {
    DmnDecisionResult result = dmn.evaluateDecision(decision, Variables.createVariables()
        .putValue(SlaVariables.STEP, "reply").putValue("channel", "MISSED_CALL").putValue("protocolKey", protocol)
        .putValue(SlaVariables.PRIORITY, priority).putValue(SlaVariables.CUSTOMER_TYPE, "REGULAR"));

    assertThat(result.getSingleResult().<String>getEntry(SlaVariables.TARGET)).as(why).isEqualTo(target);
  }

  @ParameterizedTest(name = "{0} / {1}: no row")
  @CsvSource(nullValues = "null", delimiter = '|', textBlock = """
      unknown-step   | EMAIL
      reply          | null
      """)
  void shouldGiveNothingForAStepWithoutRow(String step, String channel) {
    // the start delegate then refuses to guess and raises an incident naming the missing row
    assertThat(evaluate(step, channel, "NORMAL", null).getSingleResult()).isNull();
  }

  private static DmnDecisionResult evaluate(String step, String channel, String priority, String customerType) {
    return dmn.evaluateDecision(decision, Variables.createVariables()
        .putValue(SlaVariables.STEP, step).putValue("channel", channel)
        .putValue(SlaVariables.PRIORITY, priority).putValue(SlaVariables.CUSTOMER_TYPE, customerType));
  }
}
