package io.careflow.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every row of {@code processes/customer-type.dmn}, read as the designer wrote it. */
class CustomerTypeTableTest {

  static DmnDecision decision;
  static DmnEngine dmn;

  @BeforeAll
  static void parse() throws Exception {
    dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream model = CustomerTypeTableTest.class.getResourceAsStream("/processes/customer-type.dmn")) {
      decision = dmn.parseDecision(CustomerTypes.DECISION, model);
    }
  }

  @ParameterizedTest(name = "vip {0}, {1} earlier contacts -> {2}")
  @CsvSource({
      // rule_vip: marked by a team lead, whatever the history
      "true,  0,   VIP",
      "true,  25,  VIP",
      // rule_regular: three earlier contacts or more
      "false, 3,   REGULAR",
      "false, 120, REGULAR",
      // rule_new: everyone else
      "false, 0,   NEW",
      "false, 2,   NEW"})
  void shouldTypeTheCustomer(boolean vip, int earlierContacts, CustomerType type) {
    var result = dmn.evaluateDecision(decision, Variables.createVariables()
        .putValue(CustomerTypes.INPUT_VIP, vip)
        .putValue(CustomerTypes.INPUT_EARLIER_CONTACTS, earlierContacts)).getSingleResult();

    assertThat(result.<String>getEntry(CustomerTypes.OUTPUT_TYPE)).isEqualTo(type.name());
  }
}
