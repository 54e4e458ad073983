package io.careflow.demo.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.mock.env.MockEnvironment;

/** When the demo runs its own mail server: demo profile, and nobody named an SMTP server. */
class EmbeddedMailConditionTest {

  /** As careflow's packaged application.yaml arrives in the environment: its localhost:1025 is a fallback only. */
  private static final String PACKAGED = "Config resource 'class path resource [application.yaml]' via location "
      + "'optional:classpath:/'";

  private static MockEnvironment demo() {
    var environment = new MockEnvironment();
    environment.setDefaultProfiles("demo");
    environment.getPropertySources().addLast(new MapPropertySource(PACKAGED,
        Map.of("spring.mail.host", "localhost", "spring.mail.port", "1025")));
    return environment;
  }

  @Test
  void shouldRunInTheDemoWhenOnlyThePackagedDefaultNamesAnSmtpServer() {
    assertThat(EmbeddedMailCondition.applies(demo())).isTrue();
    assertThat(EmbeddedMailCondition.applies(demo().withProperty("CAREFLOW_SMTP_HOST", " "))).isTrue();
  }

  @Test
  void shouldStayOffWhenAnSmtpServerIsConfigured() {
    assertThat(EmbeddedMailCondition.applies(demo().withProperty("CAREFLOW_SMTP_HOST", "mail.shop.example")))
        .isFalse();
    assertThat(EmbeddedMailCondition.applies(demo().withProperty("CAREFLOW_SMTP_PORT", "2525"))).isFalse();
    assertThat(EmbeddedMailCondition.applies(demo().withProperty("spring.mail.host", "127.0.0.1"))).isFalse();
    assertThat(EmbeddedMailCondition.applies(demo().withProperty("spring.mail.port", "3025"))).isFalse();
  }

  @Test
  void shouldStayOffInProductionProfiles() {
    MockEnvironment postgres = demo();
    postgres.setActiveProfiles("postgres");
    assertThat(EmbeddedMailCondition.applies(postgres)).isFalse();

    MockEnvironment other = demo();
    other.setActiveProfiles("test");
    assertThat(EmbeddedMailCondition.applies(other)).isFalse();
  }
}
