package io.careflow.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.careflow.support.CareflowIntegrationTest;
import io.careflow.support.Http;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A model deployed from Camunda Modeler (over {@code /engine-rest}, as the designer dora) that is
 * not the file in {@code processes/}: careflow reports the drift, and stops reporting it once the
 * deployed version is the file again.
 */
class ModelDriftTest extends CareflowIntegrationTest {

  static final String INQUIRY = "processes/inquiry.bpmn";

  @Test
  void shouldReportAModelDeployedFromModelerUntilTheFileIsDeployedAgain() throws Exception {
    Http http = new Http(baseUrl());
    String file = Files.readString(Path.of("target/classes").resolve(INQUIRY), StandardCharsets.UTF_8);
    assertThat(inquiry(http).get("matchesFile").asBoolean()).as("as started").isTrue();

    Http.Response tried = http.deploy("dora", "from Modeler", "inquiry.bpmn",
        file.replace("name=\"Answer the customer\"", "name=\"Answer the customer (tried in Modeler)\""));
    assertThat(tried.status()).as(tried.body()).isEqualTo(200);

    JsonNode drifted = inquiry(http);
    assertThat(drifted.get("matchesFile").asBoolean()).isFalse();
    assertThat(drifted.get("deploymentName").asText()).isEqualTo("from Modeler");
    assertThat(http.get("dora", "/api/models").json().get("drifted").asInt()).isGreaterThanOrEqualTo(1);
    assertThat(http.get("maria", "/actuator/prometheus").body())
        .contains("careflow_model_drift{file=\"" + INQUIRY + "\",model=\"inquiry\"} 1.0");

    Http.Response back = http.deploy("dora", "from Modeler", "inquiry.bpmn", file);
    assertThat(back.status()).as(back.body()).isEqualTo(200);
    assertThat(inquiry(http).get("matchesFile").asBoolean()).as("the file runs again").isTrue();
    assertThat(http.get("maria", "/actuator/prometheus").body()).doesNotContain("model=\"inquiry\"");
  }

  private static JsonNode inquiry(Http http) {
    for (JsonNode model : http.get("dora", "/api/models").json().get("details")) {
      if (model.get("model").asText().equals("inquiry")) {
        assertThat(model.get("file").asText()).isEqualTo(INQUIRY);
        return model;
      }
    }
    throw new AssertionError("inquiry is not among the models");
  }

}
