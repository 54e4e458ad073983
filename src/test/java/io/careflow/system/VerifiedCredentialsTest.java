package io.careflow.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class VerifiedCredentialsTest {

  /** A clock the test moves. */
  static final class MovingClock extends Clock {
    Instant now = Instant.parse("2026-12-06T10:00:00Z");

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  final MovingClock clock = new MovingClock();
  final AtomicInteger checks = new AtomicInteger();

  boolean check(VerifiedCredentials credentials, String user, String password, boolean engineSays) {
    return credentials.passwordMatches(user, password, () -> {
      checks.incrementAndGet();
      return engineSays;
    });
  }

  @Test
  void shouldAskTheEngineOncePerTimeForAnAcceptedPassword() {
    var credentials = new VerifiedCredentials(Duration.ofSeconds(10), clock);
    assertThat(check(credentials, "anna", "secret", true)).isTrue();
    assertThat(check(credentials, "anna", "secret", true)).isTrue();
    assertThat(checks).hasValue(1);
    clock.now = clock.now.plusSeconds(11);
    assertThat(check(credentials, "anna", "secret", false)).as("the engine decides again after 10 s").isFalse();
    assertThat(checks).hasValue(2);
  }

  @Test
  void shouldAlwaysAskTheEngineAboutAWrongPassword() {
    var credentials = new VerifiedCredentials(Duration.ofSeconds(10), clock);
    assertThat(check(credentials, "anna", "secret", true)).isTrue();
    assertThat(check(credentials, "anna", "guess", false)).isFalse();
    assertThat(check(credentials, "anna", "guess", false)).isFalse();
    assertThat(check(credentials, "boris", "secret", false)).as("another user, same password").isFalse();
    assertThat(checks).hasValue(4);
  }

  @Test
  void shouldRememberGroupsForTheTimeAndNothingWhenOff() {
    var credentials = new VerifiedCredentials(Duration.ofSeconds(10), clock);
    var loads = new AtomicInteger();
    assertThat(credentials.groupsOf("anna", () -> List.of("agents", "g" + loads.incrementAndGet()))).contains("g1");
    assertThat(credentials.groupsOf("anna", () -> List.of("g" + loads.incrementAndGet()))).contains("g1");
    clock.now = clock.now.plusSeconds(11);
    assertThat(credentials.groupsOf("anna", () -> List.of("g" + loads.incrementAndGet()))).containsExactly("g2");

    var off = new VerifiedCredentials(Duration.ZERO, clock);
    assertThat(check(off, "anna", "secret", true)).isTrue();
    assertThat(check(off, "anna", "secret", true)).isTrue();
    assertThat(checks).hasValue(2);
    assertThat(off.tenantsOf("anna", () -> List.of("t" + loads.incrementAndGet()))).containsExactly("t3");
    assertThat(off.tenantsOf("anna", () -> List.of("t" + loads.incrementAndGet()))).containsExactly("t4");
  }
}
