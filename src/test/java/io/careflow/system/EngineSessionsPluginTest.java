package io.careflow.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.careflow.support.CareflowIntegrationTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * careflow's entity manager refuses the same ids as the engine's, with the engine's message, and
 * builds that message only for a refused id; careflow's authorization manager keeps the same
 * groups of a user as the engine's; the engine uses both for every command.
 */
class EngineSessionsPluginTest extends CareflowIntegrationTest {

  @Autowired
  ProcessEngine engine;

  private final DbEntityManager manager = new EngineSessionsPlugin.LazyMessageEntityManager(null, null);
  private final DbEntityManager engines = new DbEntityManager(null, null);

  @Test
  void shouldBeTheEnginesEntityManager() {
    var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();

    assertThat(configuration.getSessionFactories().get(DbEntityManager.class))
        .isInstanceOf(EngineSessionsPlugin.EntityManagers.class);
    assertThat(configuration.getSessionFactories().get(AuthorizationManager.class))
        .isInstanceOf(EngineSessionsPlugin.AuthorizationManagers.class);
    // and the engine writes rows with it
    var identity = engine.getIdentityService();
    identity.saveGroup(identity.newGroup("entity-id-check"));
    try {
      assertThat(identity.createGroupQuery().groupId("entity-id-check").count()).isEqualTo(1);
    } finally {
      identity.deleteGroup("entity-id-check");
    }
  }

  @Test
  void shouldNotBuildTheMessageForAValidId() {
    DbEntity entity = entity("4711");

    assertThatCode(() -> manager.insert(entity)).doesNotThrowAnyException();
  }

  @Test
  void shouldRefuseTheReservedIdLikeTheEngine() {
    VariableInstanceEntity star = variable("*");

    assertThatThrownBy(() -> manager.insert(star)).isInstanceOf(ProcessEngineException.class)
        .hasMessage(messageOf(() -> engines.insert(variable("*"))))
        .hasMessageContaining("cannot be *");
  }

  @Test
  void shouldRefuseAMissingIdLikeTheEngine() {
    var engineIds = new DbEntityManager(() -> null, null);
    var careflowIds = new EngineSessionsPlugin.LazyMessageEntityManager(() -> null, null);

    assertThatThrownBy(() -> careflowIds.insert(variable(null))).isInstanceOf(ProcessEngineException.class)
        .hasMessage(messageOf(() -> engineIds.insert(variable(null))))
        .hasMessageContaining("id is null");
  }

  @Test
  void shouldKeepTheGroupsThatHaveAnAuthorizationLikeTheEngine() {
    var groups = new ArrayList<>(List.of("agents", "team-inquiries", "team-leads", "no-such-group", "managers"));
    groups.add(null);
    groups.add("agents");
    var authorizations = engine.getAuthorizationService();
    var grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    grant.setGroupId("group-with-one-grant");
    grant.setResource(Resources.FILTER);
    grant.setResourceId("some-filter");
    grant.addPermission(Permissions.READ);
    authorizations.saveAuthorization(grant);
    groups.add("group-with-one-grant");
    try {
      var commands = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired();

      List<String> careflows = commands.execute(c -> c.getAuthorizationManager().filterAuthenticatedGroupIds(groups));
      List<String> engines = commands.execute(c -> {
        var manager = new AuthorizationManager();
        return manager.filterAuthenticatedGroupIds(groups);
      });

      assertThat(careflows).containsExactlyInAnyOrderElementsOf(engines).contains("group-with-one-grant")
          .doesNotContain("no-such-group").doesNotHaveDuplicates();
      List<String> none = commands.execute(c -> c.getAuthorizationManager().filterAuthenticatedGroupIds(List.of()));
      assertThat(none).isEmpty();
      // asked twice in one command: the same answer, each a list of its own
      List<List<String>> twice = commands.execute(c -> {
        List<String> first = c.getAuthorizationManager().filterAuthenticatedGroupIds(groups);
        first.clear();
        return List.of(first, c.getAuthorizationManager().filterAuthenticatedGroupIds(groups));
      });
      assertThat(twice.get(1)).containsExactlyInAnyOrderElementsOf(engines);
    } finally {
      authorizations.deleteAuthorization(grant.getId());
    }
  }

  private static String messageOf(Runnable insert) {
    try {
      insert.run();
    } catch (ProcessEngineException e) {
      return e.getMessage();
    }
    throw new AssertionError("the engine's entity manager took the entity");
  }

  private static VariableInstanceEntity variable(String id) {
    var variable = new VariableInstanceEntity();
    variable.setId(id);
    return variable;
  }

  /** An entity that cannot be printed: a message built for it fails the test. */
  private static DbEntity entity(String id) {
    return new DbEntity() {
      @Override
      public String getId() {
        return id;
      }

      @Override
      public void setId(String newId) {
        throw new UnsupportedOperationException();
      }

      @Override
      public Object getPersistentState() {
        return id;
      }

      @Override
      public String toString() {
        throw new AssertionError("the message was built for a valid id");
      }
    };
  }
}
