package io.careflow.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * While {@link DatabaseReachability} says the database is unreachable, every request that needs
 * it — careflow's API, the engine's REST API, the webapps and careflow's pages; everything but
 * {@code /actuator} — is answered at once with 503 problem+json and {@code Retry-After}, before
 * sign-in (which reads users from the database) could hang on it.
 */
public class DatabaseOutageFilter extends OncePerRequestFilter {

  static final String RETRY_AFTER_SECONDS = "5";

  private final DatabaseReachability database;
  private final ProblemResponses problems;

  DatabaseOutageFilter(DatabaseReachability database, ProblemResponses problems) {
    this.database = database;
    this.problems = problems;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return request.getRequestURI().startsWith(request.getContextPath() + "/actuator");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    DatabaseReachability.State state = database.state();
    if (state.up()) {
      chain.doFilter(request, response);
      return;
    }
    response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
    problems.write(response, HttpStatus.SERVICE_UNAVAILABLE, "Database unreachable",
        "careflow's database has been unreachable since " + state.since() + "; nothing was done. careflow "
            + "serves again as soon as it answers: try again in a few seconds.");
  }

  /** Before Spring Security's chain (order -100): signing in reads the database too. */
  @Configuration
  static class Registration {
    @Bean
    FilterRegistrationBean<DatabaseOutageFilter> databaseOutageFilter(DatabaseReachability database,
        ProblemResponses problems) {
      var registration = new FilterRegistrationBean<>(new DatabaseOutageFilter(database, problems));
      registration.setOrder(-200);
      registration.addUrlPatterns("/*");
      return registration;
    }
  }
}
