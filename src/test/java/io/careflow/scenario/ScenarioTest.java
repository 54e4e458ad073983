package io.careflow.scenario;

import io.careflow.support.CareflowIntegrationTest;
import io.careflow.support.TestMail;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The process designers' scenarios ({@code processes/scenarios/*.yaml}, or the directory of
 * {@code -Dcareflow.scenarios.dir}) on the shared test careflow, one test each. The flow nodes
 * they pass count for the process coverage like those of every other test.
 */
class ScenarioTest extends CareflowIntegrationTest {

  @Autowired
  ApplicationContext context;

  @TestFactory
  Stream<DynamicTest> scenarios() {
    return new ScenarioRunner(Careflow.of(context, baseUrl(), TestMail.SMTP)).tests(ScenarioRunner.directory());
  }
}
