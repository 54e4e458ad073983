package io.careflow.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.careflow.support.CareflowIntegrationTest;
import io.careflow.support.Http;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Providers;
import org.glassfish.jersey.servlet.ServletContainer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.servlet.ServletRegistrationBean;

/** Camunda's REST API writes JSON with one shared mapper, configured as Camunda configures its own. */
class EngineRestJsonTest extends CareflowIntegrationTest {

  @Autowired
  ServletRegistrationBean<ServletContainer> jerseyServletRegistration;

  @Test
  void shouldWriteCamundasJsonWithOneMapperForEveryRequest() {
    Http http = new Http(baseUrl());

    Http.Response deployments = http.get("demo", "/engine-rest/deployment?maxResults=1");

    assertThat(deployments.status()).isEqualTo(200);
    // Camunda's date format, as its own configurator sets it
    assertThat(deployments.json().get(0).get("deploymentTime").asText())
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}[+-]\\d{4}");
    var providers = jerseyServletRegistration.getServlet().getApplicationHandler().getInjectionManager()
        .getInstance(Providers.class);
    ObjectMapper first = providers.getContextResolver(ObjectMapper.class, MediaType.APPLICATION_JSON_TYPE)
        .getContext(Object.class);
    ObjectMapper second = providers.getContextResolver(ObjectMapper.class, MediaType.APPLICATION_JSON_TYPE)
        .getContext(Object.class);
    assertThat(first).isSameAs(second);
  }
}
