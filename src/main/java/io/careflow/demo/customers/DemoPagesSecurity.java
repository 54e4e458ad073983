package io.careflow.demo.customers;

import io.careflow.system.SecurityConfiguration;
import io.careflow.demo.DemoUsers;
import io.careflow.system.ProblemResponses;
import java.util.HashSet;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Who may open the demo's pages. Outside profile {@code demo} nothing answers under
 * {@code /demo/**} (404, whoever asks). In the demo:
 * <ul>
 *   <li>{@code /demo/channels/*} — the in-process channel receivers: no login, the webhook's
 *       HMAC signature is the permission (checked by {@link DemoChannelReceiver});</li>
 *   <li>{@code /demo/**} — the pages: HTTP Basic like the dashboard, only for the demo's own users
 *       (those {@code DemoUsers} creates and the administrator), anyone else 403. The browser
 *       sends Basic credentials by itself, so every POST carries a CSRF token (a cookie and the
 *       form's hidden field; no session).</li>
 * </ul>
 */
@Configuration
public class DemoPagesSecurity {

  private static PathPatternRequestMatcher.Builder paths() {
    return PathPatternRequestMatcher.withDefaults();
  }

  @Bean
  @Order(4)
  SecurityFilterChain demoChannelsChain(HttpSecurity http) throws Exception {
    // the receivers check the webhook signature themselves
    return SecurityConfiguration.passThrough(http, "/demo/channels/**");
  }

  @Bean
  @Order(5)
  SecurityFilterChain demoPagesChain(HttpSecurity http, ProblemResponses problems, Environment environment,
      @Value("${camunda.bpm.admin-user.id:}") String adminId) throws Exception {
    http.securityMatcher(paths().matcher("/demo/**"));
    if (!environment.acceptsProfiles(Profiles.of("demo"))) {
      // no demo controllers exist: every path answers 404
      return http.authorizeHttpRequests(a -> a.anyRequest().permitAll())
          .csrf(AbstractHttpConfigurer::disable)
          .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
          .requestCache(AbstractHttpConfigurer::disable)
          .build();
    }
    Set<String> demoUsers = new HashSet<>(DemoUsers.ids());
    if (!adminId.isBlank()) {
      demoUsers.add(adminId);
    }
    AuthorizationManager<RequestAuthorizationContext> demoUser = (authentication, context) -> {
      var who = authentication.get();
      return new AuthorizationDecision(who != null && who.isAuthenticated() && demoUsers.contains(who.getName()));
    };
    return http.authorizeHttpRequests(a -> a.anyRequest().access(demoUser))
        .httpBasic(b -> b.authenticationEntryPoint(problems.unauthorized()).realmName("careflow"))
        .exceptionHandling(e -> e.authenticationEntryPoint(problems.unauthorized())
            .accessDeniedHandler(problems.forbidden()))
        .csrf(c -> c.csrfTokenRepository(new CookieCsrfTokenRepository()))
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(AbstractHttpConfigurer::disable)
        .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(
            "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'")))
        .build();
  }
}
