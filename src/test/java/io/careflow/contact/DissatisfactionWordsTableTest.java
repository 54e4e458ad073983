package io.careflow.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The words of {@code processes/dissatisfaction-words.dmn} (SPEC R3): PL, EN and RU, each kind of threat. */
class DissatisfactionWordsTableTest {

  static DmnEngine dmn;
  static DmnDecision decision;

  @BeforeAll
  static void parse() throws Exception {
    dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream model = DissatisfactionWordsTableTest.class.getResourceAsStream(
        "/processes/dissatisfaction-words.dmn")) {
      decision = dmn.parseDecision(Dissatisfaction.DECISION_WORDS, model);
    }
  }

  @ParameterizedTest(name = "{0} -> {1} ({2})")
  @CsvSource(nullValues = "null", delimiter = '|', textBlock = """
      # why                                   | text (as ContactTexts gives it: lower case)                           | levels        | a reason mentions
      threat to leave, Polish                 | nigdy więcej nie zamówię w tym sklepie                                | HIGH          | leave
      a lawyer, Polish                        | sprawę przekażę prawnikowi                                            | HIGH          | lawyer
      the consumer authority, Polish          | złożę skargę do uokik                                                 | HIGH          | consumer authority
      a chargeback, Polish                    | zgłoszę w banku obciążenie zwrotne                                    | HIGH          | chargeback
      outrage, Polish                         | to jest skandal                                                       | HIGH          | outrage
      threat to leave, English                | never again will i order from you                                     | HIGH          | leave
      a lawyer, English                       | my lawyer will contact you                                            | HIGH          | lawyer
      the consumer authority, English         | i will report you to consumer protection                              | HIGH          | consumer authority
      a chargeback, English                   | i will file a chargeback with my card                                 | HIGH          | chargeback
      outrage, English                        | this is a scandal                                                     | HIGH          | outrage
      threat to leave, Russian                | больше никогда не буду у вас покупать                                 | HIGH          | leave
      a lawyer, Russian                       | обращусь к юристу                                                     | HIGH          | lawyer
      the consumer authority, Russian         | напишу жалобу в роспотребнадзор                                       | HIGH          | consumer authority
      outrage, Russian                        | это безобразие                                                        | HIGH          | outrage
      unhappy, Polish                         | jestem bardzo niezadowolony                                           | MEDIUM        | unhappy (pl)
      unhappy, English                        | i am disappointed                                                     | MEDIUM        | unhappy (en)
      unhappy, Russian                        | я разочарован                                                         | MEDIUM        | unhappy (ru)
      unhappy and a threat: both rows count   | disappointed, my lawyer will call                                     | HIGH,MEDIUM   | lawyer
      calm words: no row                      | when will the sofa be delivered?                                      | null          | null
      """)
  void shouldReadTheLevelFromTheWords(String why, String text, String levels, String reason) {
    List<Map<String, Object>> rows = dmn.evaluateDecision(decision,
        Variables.createVariables().putValue("contactText", text)).getResultList();

    assertThat(rows).extracting(row -> (String) row.get("level"))
        .as(why).containsExactlyInAnyOrderElementsOf(levels == null ? List.of() : List.of(levels.split(",")));
    if (reason != null) {
      assertThat(rows).extracting(row -> (String) row.get("reason")).as(why).anyMatch(r -> r.contains(reason));
    }
  }
}
