package io.careflow.system;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.IdGenerator;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.db.PersistenceSession;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManagerFactory;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.springframework.stereotype.Component;

/**
 * The engine checks the id of every row it inserts, and builds the error message for that check
 * before it checks — the whole entity as text ({@code toString()} of a variable, a history event),
 * for each of the rows a contact writes: 5% of a contact's CPU in the flight recording of issue 18.
 * careflow's entity manager runs the same check and builds the message only when an id is
 * refused (null or {@code *}), so what is refused and how does not change.
 */
@Component
public class EntityIdCheckPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    // custom session factories replace the engine's own of the same type (initSessionFactories)
    List<SessionFactory> factories = new ArrayList<>();
    if (configuration.getCustomSessionFactories() != null) {
      factories.addAll(configuration.getCustomSessionFactories());
    }
    factories.add(new Factory(configuration));
    configuration.setCustomSessionFactories(factories);
  }

  /** Opens careflow's entity manager; the id generator is the engine's, known once it is built. */
  static final class Factory extends DbEntityManagerFactory {

    private final ProcessEngineConfigurationImpl configuration;

    Factory(ProcessEngineConfigurationImpl configuration) {
      super(null);
      this.configuration = configuration;
    }

    @Override
    public DbEntityManager openSession() {
      IdGenerator ids = idGenerator != null ? idGenerator : configuration.getIdGenerator();
      return new LazyMessageEntityManager(ids, Context.getCommandContext().getSession(PersistenceSession.class));
    }
  }

  /** The engine's entity manager, with the message of the id check built only when it fails. */
  static final class LazyMessageEntityManager extends DbEntityManager {

    LazyMessageEntityManager(IdGenerator idGenerator, PersistenceSession persistenceSession) {
      super(idGenerator, persistenceSession);
    }

    @Override
    protected void validateId(DbEntity entity) {
      String id = entity.getId();
      if (id == null || Authorization.ANY.equals(id)) {
        super.validateId(entity);
      }
    }
  }
}
