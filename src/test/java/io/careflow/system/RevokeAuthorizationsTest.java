package io.careflow.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.careflow.support.CareflowIntegrationTest;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * careflow only grants, so the engine looks for no REVOKE authorization (one query less per
 * checked command); one made anyway takes no effect, and a start says so.
 */
@ExtendWith(OutputCaptureExtension.class)
class RevokeAuthorizationsTest extends CareflowIntegrationTest {

  @Autowired
  ProcessEngine processEngine;
  @Autowired
  IdentitySetup identitySetup;

  @Test
  void shouldIgnoreRevokesAndSayWhenOneExists(CapturedOutput log) {
    var configuration = (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
    assertThat(configuration.getAuthorizationCheckRevokes()).isEqualTo("never");
    AuthorizationService authorizations = processEngine.getAuthorizationService();
    assertThat(authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_REVOKE).count())
        .as("careflow itself revokes nothing").isZero();

    Authorization revoke = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
    revoke.setUserId("anna");
    revoke.setResource(Resources.APPLICATION);
    revoke.setResourceId("tasklist");
    revoke.removePermission(Permissions.ACCESS);
    authorizations.saveAuthorization(revoke);
    try {
      assertThat(authorizations.isUserAuthorized("anna", java.util.List.of(Groups.AGENTS), Permissions.ACCESS,
          Resources.APPLICATION, "tasklist")).as("a REVOKE takes no effect").isTrue();
      identitySetup.warnOfRevokes();
      assertThat(log.getOut()).contains("1 REVOKE authorization(s) in the database take no effect");
    } finally {
      authorizations.deleteAuthorization(revoke.getId());
    }
  }
}
