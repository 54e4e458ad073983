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
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * careflow's entity manager refuses the same ids as the engine's, with the engine's message, and
 * builds that message only for a refused id; the engine uses it for every command.
 */
class EntityIdCheckPluginTest extends CareflowIntegrationTest {

  @Autowired
  ProcessEngine engine;

  private final DbEntityManager manager = new EntityIdCheckPlugin.LazyMessageEntityManager(null, null);
  private final DbEntityManager engines = new DbEntityManager(null, null);

  @Test
  void shouldBeTheEnginesEntityManager() {
    var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();

    assertThat(configuration.getSessionFactories().get(DbEntityManager.class))
        .isInstanceOf(EntityIdCheckPlugin.Factory.class);
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
    var careflowIds = new EntityIdCheckPlugin.LazyMessageEntityManager(() -> null, null);

    assertThatThrownBy(() -> careflowIds.insert(variable(null))).isInstanceOf(ProcessEngineException.class)
        .hasMessage(messageOf(() -> engineIds.insert(variable(null))))
        .hasMessageContaining("id is null");
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
