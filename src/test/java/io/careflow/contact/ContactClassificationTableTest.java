package io.careflow.contact;

import static org.assertj.core.api.Assertions.assertThat;

import io.careflow.casefile.CaseVariables;
import io.careflow.model.DecisionRows;
import io.careflow.model.TopicCatalog;
import java.io.InputStream;
import java.util.List;
import org.camunda.bpm.model.dmn.Dmn;
import org.junit.jupiter.api.Test;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every row of {@code processes/contact-classification.dmn} and its keyword table, in Polish,
 * Russian and English, read as the designer wrote it.
 */
class ContactClassificationTableTest {

  static DmnDecision decision;
  static DmnEngine dmn;

  @BeforeAll
  static void parse() throws Exception {
    dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream model = ContactClassificationTableTest.class.getResourceAsStream(
        "/processes/contact-classification.dmn")) {
      decision = dmn.parseDecision(ContactProcess.DECISION_CLASSIFICATION, model);
    }
  }

  @ParameterizedTest(name = "hint {0}, {1}, \"{2}\" -> {3} / {4} / {5}, suggestion {6}")
  @CsvSource(nullValues = "null", delimiter = '|', textBlock = """
      COMPLAINT | EMAIL       | mój czajnik się zepsuł     | COMPLAINT | complaint          | team-complaints   | null
      DEFECT    | PHONE       | null                       | DEFECT    | defect-replacement | team-replacements | null
      RETURN    | WEB_FORM    | null                       | RETURN    | return             | team-returns      | null
      INQUIRY   | CHAT        | null                       | INQUIRY   | inquiry            | team-inquiries    | null
      null      | MISSED_CALL | null                       | null      | missed-call        | team-inquiries    | null
      RETURN    | MISSED_CALL | null                       | null      | missed-call        | team-inquiries    | null
      COMPLAINT | MISSED_CALL | to skandal                 | null      | missed-call        | team-inquiries    | null
      null      | EMAIL       | Czajnik się zepsuł po tygodniu | DEFECT | defect-replacement | team-replacements | null
      null      | EMAIL       | Чайник сломался            | DEFECT    | defect-replacement | team-replacements | null
      null      | SMS         | The kettle is broken       | DEFECT    | defect-replacement | team-replacements | null
      null      | EMAIL       | Chcę zrobić zwrot butów    | RETURN    | return             | team-returns      | null
      null      | EMAIL       | Хочу оформить возврат      | RETURN    | return             | team-returns      | null
      null      | SOCIAL      | How do I return this?      | RETURN    | return             | team-returns      | null
      null      | EMAIL       | Składam skargę na kuriera  | COMPLAINT | complaint          | team-complaints   | null
      null      | EMAIL       | У меня жалоба на курьера   | COMPLAINT | complaint          | team-complaints   | null
      null      | EMAIL       | This is unacceptable       | COMPLAINT | complaint          | team-complaints   | null
      null      | EMAIL       | Jaki jest czas dostawy?    | INQUIRY   | inquiry            | team-inquiries    | null
      null      | EMAIL       | Когда придёт заказ?        | INQUIRY   | inquiry            | team-inquiries    | null
      null      | EMAIL       | Is it in stock?            | INQUIRY   | inquiry            | team-inquiries    | null
      null      | EMAIL       | zepsuty, chcę zwrot        | null      | null               | null              | DEFECT
      null      | EMAIL       | return it, unacceptable    | null      | null               | null              | RETURN
      null      | EMAIL       | Dzień dobry                | null      | null               | null              | INQUIRY
      WEATHER   | SMS         | hello                      | null      | null               | null              | INQUIRY
      """)
  void shouldClassify(String hint, String channel, String text, String topic, String protocol, String team,
      String suggestion) {
    DmnDecisionResultEntries result = classify(hint, channel, text);

    assertThat(result.get(CaseVariables.TOPIC)).isEqualTo(topic);
    assertThat(result.get(CaseVariables.PROTOCOL_KEY)).isEqualTo(protocol);
    assertThat(result.get(CaseVariables.TEAM)).isEqualTo(team);
    assertThat(result.get(CaseVariables.SUGGESTED_TOPIC)).isEqualTo(suggestion);
  }

  @ParameterizedTest(name = "web form asking to be called back, hint {0} -> call-back")
  @CsvSource(nullValues = "null", textBlock = """
      null
      RETURN
      COMPLAINT
      """)
  void shouldCallBackAWebFormThatAsksForACall(String hint) {
    DmnDecisionResultEntries result = dmn.evaluateDecision(decision, Variables.createVariables()
        .putValue(CaseVariables.TOPIC_HINT, hint).putValue(CaseVariables.CHANNEL, "WEB_FORM")
        .putValue(CaseVariables.CALL_BACK_AT, new java.util.Date())
        .putValue("contactText", "please call me about my return")).getSingleResult();

    assertThat(result.get(CaseVariables.TOPIC)).isNull();
    assertThat(result.get(CaseVariables.PROTOCOL_KEY)).isEqualTo("missed-call");
    assertThat(result.get(CaseVariables.TEAM)).isEqualTo("team-inquiries");
  }

  @Test
  void shouldClassifyAWebFormWithoutACallMeTimeByItsHint() {
    DmnDecisionResultEntries result = dmn.evaluateDecision(decision, Variables.createVariables()
        .putValue(CaseVariables.TOPIC_HINT, "RETURN").putValue(CaseVariables.CHANNEL, "WEB_FORM")
        .putValue(CaseVariables.CALL_BACK_AT, null).putValue("contactText", "")).getSingleResult();

    assertThat(result.get(CaseVariables.PROTOCOL_KEY)).isEqualTo("return");
  }

  private static DmnDecisionResultEntries classify(String hint, String channel, String text) {
    return dmn.evaluateDecision(decision, Variables.createVariables()
        .putValue(CaseVariables.TOPIC_HINT, hint).putValue(CaseVariables.CHANNEL, channel)
        .putValue("contactText", text == null ? "" : text.toLowerCase(java.util.Locale.ROOT))).getSingleResult();
  }

  @Test
  void shouldGiveEveryTopicItNamesAProtocolWhenItIsTheHint() throws Exception {
    List<TopicCatalog.Topic> topics;
    try (InputStream model = ContactClassificationTableTest.class.getResourceAsStream(
        "/processes/contact-classification.dmn")) {
      topics = TopicCatalog.topicsOf(DecisionRows.of(Dmn.readModelFromStream(model),
          ContactProcess.DECISION_CLASSIFICATION).orElseThrow());
    }
    assertThat(topics).extracting(TopicCatalog.Topic::name).contains("COMPLAINT", "DEFECT", "RETURN", "INQUIRY");
    for (TopicCatalog.Topic topic : topics) {
      DmnDecisionResultEntries result = classify(topic.name(), "EMAIL", "");
      assertThat(result.get(CaseVariables.TOPIC)).as(topic.name()).isEqualTo(topic.name());
      assertThat(result.get(CaseVariables.PROTOCOL_KEY)).as(topic.name()).isEqualTo(topic.protocolKey());
    }
  }
}
