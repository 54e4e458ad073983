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
import org.junit.jupiter.params.provider.EnumSource;

/** Every row of {@code processes/contact-classification.dmn}, read as the designer wrote it. */
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

  @ParameterizedTest(name = "hint {0}, channel {1} -> topic {2}, protocol {3}, team {4}, suggestion {5}")
  @CsvSource(nullValues = "null", value = {
      "COMPLAINT, EMAIL,       COMPLAINT, inquiry, team-complaints,   null",
      "DEFECT,    PHONE,       DEFECT,    inquiry, team-replacements, null",
      "RETURN,    WEB_FORM,    RETURN,    inquiry, team-returns,      null",
      "INQUIRY,   CHAT,        INQUIRY,   inquiry, team-inquiries,    null",
      // a missed call has no topic until the customer is reached
      "null,      MISSED_CALL, null,      inquiry, team-inquiries,    null",
      // a hint wins over the channel
      "RETURN,    MISSED_CALL, RETURN,    inquiry, team-returns,      null",
      // no usable hint: triage, with a suggestion
      "null,      EMAIL,       null,      null,    null,              INQUIRY",
      "WEATHER,   SMS,         null,      null,    null,              INQUIRY"})
  void shouldClassify(String hint, String channel, String topic, String protocol, String team, String suggestion) {
    DmnDecisionResultEntries result = dmn.evaluateDecision(decision, Variables.createVariables()
        .putValue(CaseVariables.TOPIC_HINT, hint).putValue(CaseVariables.CHANNEL, channel)).getSingleResult();

    assertThat(result.get(CaseVariables.TOPIC)).isEqualTo(topic);
    assertThat(result.get(CaseVariables.PROTOCOL_KEY)).isEqualTo(protocol);
    assertThat(result.get(CaseVariables.TEAM)).isEqualTo(team);
    assertThat(result.get(CaseVariables.SUGGESTED_TOPIC)).isEqualTo(suggestion);
  }

  @ParameterizedTest(name = "topic {0} has a protocol")
  @EnumSource(Topic.class)
  void shouldGiveEveryTopicAProtocol(Topic topic) {
    DmnDecisionResultEntries result = dmn.evaluateDecision(decision, Variables.createVariables()
        .putValue(CaseVariables.TOPIC_HINT, topic.name()).putValue(CaseVariables.CHANNEL, "EMAIL")).getSingleResult();
    assertThat(result.get(CaseVariables.TOPIC)).isEqualTo(topic.name());
    assertThat(result.get(CaseVariables.PROTOCOL_KEY)).isNotNull();
  }
}
