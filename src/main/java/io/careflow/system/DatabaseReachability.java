package io.careflow.system;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.stereotype.Component;

/**
 * Whether the database answers, known at every moment without waiting for it: a probe opens its
 * own connection (not one of the pool, which a busy careflow may have lent out) every
 * {@code careflow.database.probe-interval} with connect, login and query timeouts of
 * {@code careflow.database.probe-timeout}, and keeps the last answer. Readiness and
 * {@code /actuator/health} read that answer (so they never hang on an unreachable database), and
 * {@link DatabaseOutageFilter} refuses requests at once with 503 while it is DOWN. When the
 * database is back, the next probe says so and careflow serves again, without a restart. One
 * WARN line when the database goes away, one INFO line when it is back.
 *
 * <p>Only a server database is probed (PostgreSQL); an embedded H2 file is part of the process.
 */
@Component("database")
public class DatabaseReachability implements HealthIndicator, DisposableBean {

  private static final Logger LOG = LoggerFactory.getLogger(DatabaseReachability.class);

  /** The last probe's answer. */
  public record State(boolean up, Instant since, String cause) {
  }

  private final String url;
  private final Properties credentials = new Properties();
  private final Duration timeout;
  private final Duration interval;
  private final Clock clock;
  private final ScheduledExecutorService probe;
  private volatile State state;

  public DatabaseReachability(DataSourceProperties dataSource, Clock clock,
      @Value("${careflow.database.probe-interval:PT1S}") Duration interval,
      @Value("${careflow.database.probe-timeout:PT2S}") Duration timeout) {
    this.url = dataSource.determineUrl();
    this.clock = clock;
    this.timeout = timeout;
    this.interval = interval;
    this.state = new State(true, clock.instant(), null);
    String seconds = Long.toString(Math.max(1, timeout.toSeconds()));
    if (dataSource.determineUsername() != null) {
      credentials.setProperty("user", dataSource.determineUsername());
    }
    if (dataSource.determinePassword() != null) {
      credentials.setProperty("password", dataSource.determinePassword());
    }
    credentials.setProperty("connectTimeout", seconds);
    credentials.setProperty("loginTimeout", seconds);
    credentials.setProperty("socketTimeout", seconds);
    credentials.setProperty("ApplicationName", "careflow-probe");
    if (url != null && url.startsWith("jdbc:postgresql:")) {
      probe = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "database-probe");
        thread.setDaemon(true);
        return thread;
      });
      probe.scheduleWithFixedDelay(this::probeOnce, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    } else {
      probe = null;
    }
  }

  public State state() {
    return state;
  }

  /** Asks the database once and keeps the answer (the scheduled probe calls it; tests may too). */
  void probeOnce() {
    String cause = null;
    try (Connection connection = DriverManager.getConnection(url, credentials);
        Statement statement = connection.createStatement()) {
      statement.setQueryTimeout((int) Math.max(1, timeout.toSeconds()));
      statement.execute("select 1");
    } catch (SQLException | RuntimeException e) {
      cause = e.getClass().getSimpleName() + ": " + String.valueOf(e.getMessage()).lines().findFirst().orElse("");
    }
    State before = state;
    if (cause == null && !before.up()) {
      state = new State(true, clock.instant(), null);
      LOG.info("The database answers again (it was unreachable since {}); careflow serves requests again",
          before.since());
    } else if (cause != null && before.up()) {
      state = new State(false, clock.instant(), cause);
      LOG.warn("The database is unreachable ({}); readiness is DOWN and requests get 503 until it answers again, "
          + "asked every {}", cause, interval);
    }
  }

  @Override
  public Health health() {
    State now = state;
    return now.up() ? Health.up().build()
        : Health.down().withDetail("since", now.since().toString()).withDetail("cause", now.cause()).build();
  }

  @Override
  public void destroy() {
    if (probe != null) {
      probe.shutdownNow();
    }
  }
}
