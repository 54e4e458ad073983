package io.careflow.demo.mail;

import java.util.List;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.Profiles;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * The embedded mail server runs in the {@code demo} profile when nobody named an SMTP server:
 * neither {@code CAREFLOW_SMTP_HOST} / {@code CAREFLOW_SMTP_PORT} nor {@code spring.mail.host} /
 * {@code spring.mail.port} set anywhere but in the defaults packaged with careflow
 * ({@code application*.yaml} on the class path, whose {@code localhost:1025} is only a fallback).
 * Someone who runs a mail catcher and points careflow at it gets that one instead. Never with
 * {@code postgres} (production).
 */
public class EmbeddedMailCondition implements Condition {

  private static final List<String> SMTP_SETTINGS = List.of("CAREFLOW_SMTP_HOST", "CAREFLOW_SMTP_PORT",
      "spring.mail.host", "spring.mail.port");

  @Override
  public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
    return applies(context.getEnvironment());
  }

  static boolean applies(Environment environment) {
    if (!environment.acceptsProfiles(Profiles.of("demo")) || environment.acceptsProfiles(Profiles.of("postgres"))) {
      return false;
    }
    return !(environment instanceof ConfigurableEnvironment configurable) || !smtpConfigured(configurable);
  }

  private static boolean smtpConfigured(ConfigurableEnvironment environment) {
    for (PropertySource<?> source : environment.getPropertySources()) {
      if (isPackagedDefault(source)) {
        continue;
      }
      for (String setting : SMTP_SETTINGS) {
        if (source.containsProperty(setting) && StringUtils.hasText(String.valueOf(source.getProperty(setting)))) {
          return true;
        }
      }
    }
    return false;
  }

  /** careflow's own application*.yaml, and Spring's view over all sources (it repeats the others). */
  private static boolean isPackagedDefault(PropertySource<?> source) {
    return source.getName().contains("class path resource [application")
        || ConfigurationPropertySources.isAttachedConfigurationPropertySource(source);
  }
}
