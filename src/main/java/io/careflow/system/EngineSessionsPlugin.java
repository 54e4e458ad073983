package io.careflow.system;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.IdGenerator;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.db.PersistenceSession;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManagerFactory;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.stereotype.Component;

/**
 * careflow's versions of two of the sessions the engine opens for each command, each doing the
 * engine's work without a cost that grows with every row written or every open task (issue 18;
 * BENCHMARKS.md, C1 and P4). What they accept, refuse and return is the engine's.
 *
 * <ul>
 *   <li>The entity manager checks the id of every row it inserts, and the engine builds the error
 *       message for that check before it checks: the whole entity as text, for each of the ~270
 *       rows a contact writes (5% of a contact's CPU). careflow's builds it only when an id is
 *       refused (null or {@code *}).
 *   <li>Before an authorization check, the engine keeps only the user's groups that have any
 *       authorization, and finds those by reading the distinct group of <em>every</em>
 *       authorization ({@code select distinct GROUP_ID_ from ACT_RU_AUTHORIZATION}). The engine
 *       writes one per open task and candidate group, so each checked command read the whole
 *       table: 17 ms of every Tasklist page at 100,000 open tasks on PostgreSQL. careflow's asks,
 *       for each of the user's groups, whether it has one authorization (an index lookup).
 * </ul>
 */
@Component
public class EngineSessionsPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    // custom session factories replace the engine's own of the same type (initSessionFactories)
    List<SessionFactory> factories = new ArrayList<>();
    if (configuration.getCustomSessionFactories() != null) {
      factories.addAll(configuration.getCustomSessionFactories());
    }
    factories.add(new EntityManagers(configuration));
    factories.add(new AuthorizationManagers());
    configuration.setCustomSessionFactories(factories);
  }

  /** Opens careflow's entity manager; the id generator is the engine's, known once it is built. */
  static final class EntityManagers extends DbEntityManagerFactory {

    private final ProcessEngineConfigurationImpl configuration;

    EntityManagers(ProcessEngineConfigurationImpl configuration) {
      super(null);
      this.configuration = configuration;
    }

    @Override
    public DbEntityManager openSession() {
      return new LazyMessageEntityManager(configuration.getIdGenerator(),
          Context.getCommandContext().getSession(PersistenceSession.class));
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

  /** Opens careflow's authorization manager in place of the engine's. */
  static final class AuthorizationManagers implements SessionFactory {

    @Override
    public Class<?> getSessionType() {
      return AuthorizationManager.class;
    }

    @Override
    public Session openSession() {
      return new GroupLookupAuthorizationManager();
    }
  }

  /** The engine's authorization manager, finding the user's groups with authorizations one group at a time. */
  static class GroupLookupAuthorizationManager extends AuthorizationManager {

    /** The groups asked about last in this command, and the answer: a command may check several times. */
    private List<String> askedFor;
    private List<String> answer;

    @Override
    public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
      if (authenticatedGroupIds == null || authenticatedGroupIds.isEmpty()) {
        return super.filterAuthenticatedGroupIds(authenticatedGroupIds);
      }
      if (!authenticatedGroupIds.equals(askedFor)) {
        answer = lookUp(authenticatedGroupIds);
        // kept for the command, as the engine keeps the groups it read (a copy: the caller's list may change)
        askedFor = new ArrayList<>(authenticatedGroupIds);
      }
      return new ArrayList<>(answer);
    }

    private static List<String> lookUp(List<String> authenticatedGroupIds) {
      // in the order of careflow's index CF_IDX_AUTH_GROUP_RESOURCE (EngineIndexes): PostgreSQL's
      // plan for a prepared statement expects thousands of rows per group and, without an order
      // only that index gives, scans the whole table for a group that has none
      String sql = "select 1 from " + Context.getProcessEngineConfiguration().getDatabaseTablePrefix()
          + "ACT_RU_AUTHORIZATION where GROUP_ID_ = ? order by GROUP_ID_, RESOURCE_ID_ fetch first 1 rows only";
      Connection connection = Context.getCommandContext().getDbSqlSession().getSqlSession().getConnection();
      List<String> withAuthorizations = new ArrayList<>();
      try (PreparedStatement statement = connection.prepareStatement(sql)) {
        for (String group : authenticatedGroupIds.stream().distinct().toList()) {
          if (group == null) {
            continue;
          }
          statement.setString(1, group);
          try (ResultSet rs = statement.executeQuery()) {
            if (rs.next()) {
              withAuthorizations.add(group);
            }
          }
        }
      } catch (SQLException e) {
        throw new ProcessEngineException("Could not find which of the user's groups have authorizations", e);
      }
      return withAuthorizations;
    }
  }
}
