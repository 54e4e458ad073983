package io.careflow.system;

import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.camunda.bpm.engine.rest.util.EngineUtil;

/**
 * Camunda's HTTP Basic filter for {@code /engine-rest} with two costs of each request taken away:
 * the engine's own filter looks the engine up through a {@link java.util.ServiceLoader} (a search
 * of every jar of the application for its service file), and checks password, groups and tenants
 * in the database — here credentials the engine accepted a moment ago are remembered
 * ({@link VerifiedCredentials}).
 */
class EngineRestAuthenticationFilter extends ProcessEngineAuthenticationFilter {

  private final ProcessEngine engine;
  private final VerifiedCredentials credentials;

  EngineRestAuthenticationFilter(ProcessEngine engine, VerifiedCredentials credentials) {
    this.engine = engine;
    this.credentials = credentials;
  }

  @Override
  public void init(FilterConfig filterConfig) throws ServletException {
    super.init(filterConfig);
    authenticationProvider = new HttpBasicAuthenticationProvider() {
      @Override
      protected boolean isAuthenticated(ProcessEngine engine, String user, String password) {
        return credentials.passwordMatches(user, password, () -> super.isAuthenticated(engine, user, password));
      }
    };
  }

  @Override
  protected ProcessEngine getAddressedEngine(String engineName) {
    return engine.getName().equals(engineName) ? engine : EngineUtil.lookupProcessEngine(engineName);
  }

  @Override
  protected List<String> getGroupsOfUser(ProcessEngine engine, String userId) {
    return credentials.groupsOf(userId, () -> super.getGroupsOfUser(engine, userId));
  }

  @Override
  protected List<String> getTenantsOfUser(ProcessEngine engine, String userId) {
    return credentials.tenantsOf(userId, () -> super.getTenantsOfUser(engine, userId));
  }
}
