package io.careflow.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.careflow.support.CareflowIntegrationTest;
import io.careflow.support.Http;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.UUID;
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

    HttpResponse<String> tried = deployAsDora("inquiry.bpmn",
        file.replace("name=\"Answer the customer\"", "name=\"Answer the customer (tried in Modeler)\""));
    assertThat(tried.statusCode()).as(tried.body()).isEqualTo(200);

    JsonNode drifted = inquiry(http);
    assertThat(drifted.get("matchesFile").asBoolean()).isFalse();
    assertThat(drifted.get("deploymentName").asText()).isEqualTo("from Modeler");
    assertThat(http.get("dora", "/api/models").json().get("drifted").asInt()).isGreaterThanOrEqualTo(1);
    assertThat(http.get("maria", "/actuator/prometheus").body())
        .contains("careflow_model_drift{file=\"" + INQUIRY + "\",model=\"inquiry\"} 1.0");

    HttpResponse<String> back = deployAsDora("inquiry.bpmn", file);
    assertThat(back.statusCode()).as(back.body()).isEqualTo(200);
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

  private HttpResponse<String> deployAsDora(String name, String content) throws Exception {
    String boundary = "modeler-" + UUID.randomUUID();
    String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nfrom Modeler\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + name + "\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n" + content + "\r\n--" + boundary + "--\r\n";
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl()
            + "/engine-rest/deployment/create"))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("dora:dora".getBytes()))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
