package io.careflow.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.careflow.casefile.CaseVariables;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every row of {@code processes/routing.dmn} — teams by protocol, chat, product knowledge per
 * step, the unstaffed language — and of its product-category table, read as the designer wrote
 * it. The first team given wins; every skill given is required (as {@link RoutingTableReader} reads it).
 */
class RoutingTableTest {

  static DmnDecision routing;
  static DmnDecision category;
  static DmnEngine dmn;

  @BeforeAll
  static void parse() throws Exception {
    dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream model = RoutingTableTest.class.getResourceAsStream("/processes/routing.dmn")) {
      for (DmnDecision decision : dmn.parseDecisions(model)) {
        if (decision.getKey().equals(Routing.DECISION)) {
          routing = decision;
        } else if (decision.getKey().equals(Routing.DECISION_PRODUCT_CATEGORY)) {
          category = decision;
        }
      }
    }
  }

  @ParameterizedTest(name = "{0} / {1}, {2}, {3}, {4} -> team {5}, skills [{6}]")
  @CsvSource(nullValues = "null", delimiter = '|', textBlock = """
      user_answer_customer            | inquiry            | EMAIL       | en   | null     | team-inquiries    | ''
      user_answer_customer            | inquiry            | EMAIL       | pl   | KET-200  | team-inquiries    | product-kitchen
      user_answer_customer            | inquiry            | CHAT        | ru   | tv-55    | team-inquiries    | channel-chat product-electronics
      user_answer_customer            | inquiry            | EMAIL       | en   | XYZ-1    | team-inquiries    | ''
      user_investigate_complaint      | complaint          | EMAIL       | pl   | SOF-3    | team-complaints   | ''
      user_reply_complaint            | complaint          | CHAT        | en   | null     | team-complaints   | channel-chat
      user_approve_compensation       | complaint          | EMAIL       | pl   | null     | team-complaints   | ''
      user_talk_with_customer         | defect-replacement | PHONE       | pl   | KET-200  | team-replacements | product-kitchen
      user_review_replacement_request | defect-replacement | EMAIL       | pl   | LAP-14   | team-replacements | product-electronics
      user_contact_customer           | defect-replacement | EMAIL       | pl   | CHR-2    | team-replacements | product-furniture
      user_ship_replacement           | defect-replacement | EMAIL       | pl   | KET-200  | team-replacements | ''
      user_receive_returned_item      | return             | WEB_FORM    | pl   | SHO-41   | team-returns      | ''
      user_inspect_item               | return             | WEB_FORM    | pl   | SHO-41   | team-returns      | product-fashion
      user_call_back                  | missed-call        | MISSED_CALL | pl   | null     | team-inquiries    | ''
      user_classify_contact           | null               | EMAIL       | pl   | KET-200  | null              | ''
      user_classify_contact           | null               | CHAT        | null | null     | null              | channel-chat
      user_answer_customer            | inquiry            | EMAIL       | de   | null     | team-inquiries    | lang-en
      user_answer_customer            | inquiry            | SMS         | null | null     | team-inquiries    | ''
      user_something_new              | some-new-protocol  | EMAIL       | en   | null     | null              | ''
      """)
  void shouldGiveTheTeamAndSkillsOfATask(String step, String protocol, String channel, String language,
      String productSku, String team, String skills) {
    DmnDecisionResult result = dmn.evaluateDecision(routing, Variables.createVariables()
        .putValue(Routing.INPUT_STEP, step).putValue(CaseVariables.PROTOCOL_KEY, protocol)
        .putValue(CaseVariables.TOPIC, null).putValue(CaseVariables.CHANNEL, channel)
        .putValue(CaseVariables.LANGUAGE, language).putValue(Routing.INPUT_PRODUCT_SKU, productSku));

    String firstTeam = null;
    List<String> required = new ArrayList<>();
    for (DmnDecisionResultEntries row : result) {
      String rowTeam = (String) row.get(Routing.OUTPUT_TEAM);
      firstTeam = firstTeam == null ? rowTeam : firstTeam;
      String skill = (String) row.get(Routing.OUTPUT_SKILL);
      if (skill != null) {
        required.add(skill);
      }
    }
    assertThat(firstTeam).isEqualTo(team);
    assertThat(required).containsExactlyElementsOf(
        skills.isEmpty() ? List.of() : Arrays.asList(skills.split(" ")));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(nullValues = "null", delimiter = '|', textBlock = """
      KET-200   | kitchen
      toa-1     | kitchen
      COF-9     | kitchen
      TV-55     | electronics
      PHN-12    | electronics
      SOF-3     | furniture
      BED-160   | furniture
      SHO-41    | fashion
      JKT-M     | fashion
      KETTLE    | null
      XYZ-1     | null
      null      | null
      """)
  void shouldTellTheProductCategoryBySkuPrefix(String sku, String expected) {
    DmnDecisionResult result = dmn.evaluateDecision(category,
        Variables.createVariables().putValue(Routing.INPUT_PRODUCT_SKU, sku));
    assertThat(result.getSingleResult() == null ? null
        : result.getSingleResult().get(Routing.OUTPUT_PRODUCT_CATEGORY)).isEqualTo(expected);
  }
}
