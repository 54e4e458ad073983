package io.careflow.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every row of {@code processes/communication-style.dmn} (SPEC R3). */
class CommunicationStyleTableTest {

  static DmnEngine dmn;
  static DmnDecision decision;

  @BeforeAll
  static void parse() throws Exception {
    dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream model = CommunicationStyleTableTest.class.getResourceAsStream(
        "/processes/communication-style.dmn")) {
      decision = dmn.parseDecision(CommunicationStyle.DECISION, model);
    }
  }

  @ParameterizedTest(name = "{0} / {1} -> {2}, senior {3}: tone mentions \"{4}\"")
  @CsvSource(nullValues = "null", delimiter = '|', textBlock = """
      VIP     | HIGH   | URGENT | true  | senior agent takes over
      VIP     | MEDIUM | HIGH   | false | direct line
      VIP     | LOW    | HIGH   | false | VIP customer
      VIP     | null   | HIGH   | false | VIP customer
      REGULAR | HIGH   | HIGH   | true  | loyal customer
      NEW     | HIGH   | HIGH   | true  | bad first experience
      null    | HIGH   | HIGH   | true  | senior agent takes over
      REGULAR | MEDIUM | NORMAL | false | show empathy
      NEW     | MEDIUM | NORMAL | false | show empathy
      NEW     | LOW    | NORMAL | false | welcome them
      NEW     | null   | NORMAL | false | welcome them
      REGULAR | LOW    | NORMAL | false | first reply
      null    | null   | NORMAL | false | first reply
      """)
  void shouldChooseTheStyle(String type, String dissatisfaction, String priority, boolean senior, String tone) {
    DmnDecisionResultEntries style = dmn.evaluateDecision(decision, Variables.createVariables()
        .putValue("customerType", type).putValue(CommunicationStyle.DISSATISFACTION, dissatisfaction))
        .getSingleResult();

    assertThat(style.get("priority")).isEqualTo(priority);
    assertThat(style.get(CommunicationStyle.SENIOR_TAKES_OVER)).isEqualTo(senior);
    assertThat((String) style.get(CommunicationStyle.TONE_GUIDANCE)).contains(tone);
  }
}
