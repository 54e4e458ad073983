package io.careflow.system;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.EncryptionUtil;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Whether a user's stored password is a given one, by the engine's own hash — compared directly:
 * {@code IdentityService.checkPassword} would count a miss as a failed login of that user (login
 * throttling, locking).
 */
@Component
public class StoredPasswords {

  private final ProcessEngine engine;
  private final JdbcClient jdbc;

  public StoredPasswords(ProcessEngine engine, JdbcClient jdbc) {
    this.engine = engine;
    this.jdbc = jdbc;
  }

  /** True when the user exists with exactly this password. */
  public boolean matches(String userId, String password) {
    var passwords = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getPasswordManager();
    return jdbc.sql("select PWD_, SALT_ from ACT_ID_USER where ID_ = ?").param(userId)
        .query((rs, n) -> rs.getString("PWD_") != null && passwords.check(
            EncryptionUtil.saltPassword(password, rs.getString("SALT_")), rs.getString("PWD_")))
        .optional().orElse(false);
  }
}
