package io.careflow.system;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.EncryptionUtil;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * With {@code postgres}, careflow refuses to start while a demo user ({@code demo}, anna, dora,
 * boris, maria, intake) still has its known password (its user name) in the database — a
 * database once started with the demo data, or users copied from it. {@link ProfileGuard}
 * keeps the demo profile away from PostgreSQL; this closes the door for demo users that
 * are already there. Runs after the engine is built and before the web server opens.
 *
 * <p>The stored hashes are compared directly: {@code IdentityService.checkPassword} would
 * count a failed login against every real user at every start (login throttling).
 */
@Component
@Profile("postgres")
public class DemoCredentialsGuard implements SmartInitializingSingleton {

  private final ProcessEngine engine;
  private final JdbcClient jdbc;

  public DemoCredentialsGuard(ProcessEngine engine, JdbcClient jdbc) {
    this.engine = engine;
    this.jdbc = jdbc;
  }

  /** The users of API.md and the demo profile; their password is their name. */
  static List<String> demoUserIds() {
    return Stream.concat(Stream.of("demo"), DemoUsers.USERS.stream().map(DemoUsers.DemoUser::id)).toList();
  }

  @Override
  public void afterSingletonsInstantiated() {
    var passwords = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getPasswordManager();
    List<String> known = new ArrayList<>();
    for (String id : demoUserIds()) {
      jdbc.sql("select PWD_, SALT_ from ACT_ID_USER where ID_ = ?").param(id)
          .query((rs, n) -> {
            String hash = rs.getString("PWD_");
            if (hash != null && passwords.check(EncryptionUtil.saltPassword(id, rs.getString("SALT_")), hash)) {
              known.add(id);
            }
            return id;
          }).list();
    }
    if (!known.isEmpty()) {
      throw new IllegalStateException("Demo users with their known passwords are in the database: " + known
          + ". careflow refuses to start with profile 'postgres' while they can sign in: delete them or give "
          + "them real passwords (Camunda Admin, or the engine's identity service).");
    }
  }
}
