package io.careflow.system;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

/**
 * Nodes of a careflow cluster start one at a time. A node's start writes shared state that is
 * checked first and created second — Flyway's migrations, the engine's schema and its history
 * level, the first administrator, careflow's groups, authorizations and Tasklist filters — and two
 * nodes started together on an empty database (a deployment of two replicas) would both find
 * "nothing there" and both create it: one fails on a duplicate key, or a filter exists twice and
 * every later start fails. So each node takes a PostgreSQL advisory lock before Flyway runs and
 * gives it back when it is ready (after the start-up runners); the next node then finds
 * everything in place. A node that dies while starting loses its database session and with it
 * the lock. With H2 (one node, no cluster) there is nothing to do.
 */
public class ClusterStartupLock implements ApplicationListener<ApplicationReadyEvent>, DisposableBean {

  /** The advisory lock's key: any constant that no other application on the database uses. */
  static final long KEY = 0x63617265_666c6f77L; // "careflow"

  private static final Logger LOG = LoggerFactory.getLogger(ClusterStartupLock.class);

  private Connection connection;

  public ClusterStartupLock(DataSource dataSource) throws SQLException {
    Connection candidate = dataSource.getConnection();
    try {
      if (!"PostgreSQL".equals(candidate.getMetaData().getDatabaseProductName())) {
        candidate.close();
        return;
      }
      long waitingSince = System.nanoTime();
      try (Statement statement = candidate.createStatement()) {
        statement.execute("select pg_advisory_lock(" + KEY + ")");
      }
      long waitedMillis = (System.nanoTime() - waitingSince) / 1_000_000;
      LOG.info("Start-up lock taken{}: this node sets up the shared database alone until it is ready",
          waitedMillis > 1000 ? " after waiting " + waitedMillis + " ms for another node to start" : "");
      connection = candidate;
    } catch (SQLException | RuntimeException e) {
      candidate.close();
      throw e;
    }
  }

  /** Held (by this node, now)? */
  public synchronized boolean isHeld() {
    return connection != null;
  }

  @Override
  public void onApplicationEvent(ApplicationReadyEvent event) {
    release();
  }

  /** A start that failed gives the lock back too (the context closes). */
  @Override
  public void destroy() {
    release();
  }

  synchronized void release() {
    if (connection == null) {
      return;
    }
    try (Statement statement = connection.createStatement()) {
      // a pooled connection outlives this bean: the session lock must be given back explicitly
      statement.execute("select pg_advisory_unlock(" + KEY + ")");
      LOG.info("Start-up lock released");
    } catch (SQLException e) {
      LOG.warn("Could not release the start-up lock: dropping its database session, which ends the lock", e);
      try {
        connection.abort(Runnable::run);
      } catch (SQLException abortFailed) {
        LOG.debug("Aborting the start-up lock's connection failed", abortFailed);
      }
    } finally {
      try {
        connection.close();
      } catch (SQLException e) {
        LOG.debug("Closing the start-up lock's connection failed", e);
      }
      connection = null;
    }
  }
}
