package io.careflow.reporting;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long careflow keeps a closed contact's detail ({@code careflow.retention.*}): the same
 * time as the engine keeps its history ({@code historyTimeToLive="P365D"} on every model), so
 * a contact and its timeline go together. {@code cron} "-" switches the job off.
 */
@ConfigurationProperties("careflow.retention")
public record RetentionProperties(
    @DefaultValue("P365D") Duration closedContacts,
    @DefaultValue("0 30 5 * * *") String cron,
    @DefaultValue("500") int batchSize) {

  public RetentionProperties {
    if (closedContacts.isNegative() || closedContacts.isZero()) {
      throw new IllegalArgumentException("careflow.retention.closed-contacts must be positive");
    }
    if (batchSize < 1 || batchSize > 1000) {
      throw new IllegalArgumentException("careflow.retention.batch-size must lie between 1 and 1000");
    }
  }
}
