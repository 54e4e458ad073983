package io.careflow.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two nodes starting together on one PostgreSQL: the second waits until the first is ready, so
 * shared start-up state (schema, administrator, groups, filters) is created once. (The cluster
 * reliability test starts two real nodes at once; this shows the lock itself, in seconds.)
 */
class ClusterStartupLockTest {

  static EmbeddedPostgres postgres;
  static HikariDataSource nodeA;
  static HikariDataSource nodeB;

  @BeforeAll
  static void database() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
    nodeA = pool();
    nodeB = pool();
  }

  @AfterAll
  static void close() throws Exception {
    nodeA.close();
    nodeB.close();
    postgres.close();
  }

  @Test
  void shouldLetTheSecondNodeStartOnlyWhenTheFirstIsReady() throws Exception {
    ClusterStartupLock first = new ClusterStartupLock(nodeA);
    assertThat(first.isHeld()).isTrue();

    CompletableFuture<ClusterStartupLock> second = CompletableFuture.supplyAsync(() -> {
      try {
        return new ClusterStartupLock(nodeB);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    // the second node's session queues for the advisory lock (seen by PostgreSQL, not guessed by a pause)
    org.awaitility.Awaitility.await("the second node waiting for the lock").atMost(java.time.Duration.ofSeconds(10))
        .until(() -> JdbcClient.create(nodeA).sql("select count(*) from pg_locks where locktype = 'advisory' "
            + "and not granted").query(Long.class).single() == 1);
    assertThat(second).as("the second node waits while the first sets up").isNotDone();

    first.onApplicationEvent(null);
    ClusterStartupLock next = second.get(10, TimeUnit.SECONDS);
    assertThat(first.isHeld()).isFalse();
    assertThat(next.isHeld()).isTrue();
    next.destroy();
    assertThat(next.isHeld()).isFalse();
    // given back, not left to a pooled connection
    assertThat(JdbcClient.create(nodeA).sql("select count(*) from pg_locks where locktype = 'advisory'")
        .query(Long.class).single()).isZero();
  }

  @Test
  void shouldDoNothingOnH2() throws Exception {
    var h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:startup-lock");
    assertThat(new ClusterStartupLock(h2).isHeld()).isFalse();
  }

  private static HikariDataSource pool() {
    var pool = new HikariDataSource();
    pool.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
    pool.setMaximumPoolSize(2);
    return pool;
  }
}
