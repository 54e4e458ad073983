package io.careflow.system;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The administrator's password is the one in the environment ({@code CAREFLOW_ADMIN_PASSWORD},
 * {@code camunda.bpm.admin-user.password}) at every start, not only the first: the engine's
 * starter creates the administrator once and would ignore a changed variable, leaving the old
 * password valid and the new one locked out. When the stored password differs, it is set anew
 * (and a lock from failed logins lifted), and the log says so in one line. To change the
 * administrator's password, change the variable and restart; a password changed in Camunda Admin
 * lasts until the next start.
 */
@Component
@Order(5)
public class AdministratorPassword implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(AdministratorPassword.class);

  private final ProcessEngine engine;
  private final StoredPasswords stored;
  private final String adminId;
  private final String password;

  public AdministratorPassword(ProcessEngine engine, StoredPasswords stored,
      @Value("${camunda.bpm.admin-user.id:}") String adminId,
      @Value("${camunda.bpm.admin-user.password:}") String password) {
    this.engine = engine;
    this.stored = stored;
    this.adminId = adminId;
    this.password = password;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (adminId.isBlank() || password.isBlank()) {
      return;
    }
    IdentityService identity = engine.getIdentityService();
    User admin = identity.createUserQuery().userId(adminId).singleResult();
    if (admin == null || stored.matches(adminId, password)) {
      return;
    }
    admin.setPassword(password);
    identity.saveUser(admin);
    identity.unlockUser(adminId);
    LOG.info("Administrator '{}': password set to CAREFLOW_ADMIN_PASSWORD, which differed from the stored one",
        adminId);
  }
}
