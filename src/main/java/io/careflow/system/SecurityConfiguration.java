package io.careflow.system;

import static io.careflow.system.Groups.ADMINS;
import static io.careflow.system.Groups.AGENTS;
import static io.careflow.system.Groups.DESIGNERS;
import static io.careflow.system.Groups.INTEGRATIONS;
import static io.careflow.system.Groups.MANAGERS;
import static io.careflow.system.Groups.MONITORING;
import static io.careflow.system.Groups.TEAM_LEADS;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import jakarta.servlet.Filter;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may call what. One user directory (the Camunda identity service) behind all three
 * doors:
 * <ul>
 *   <li>{@code /api/**} — careflow's API: HTTP Basic, checked here per endpoint by group;</li>
 *   <li>{@code /engine-rest/**} — Camunda's REST API: Camunda's own authentication filter,
 *       then the engine's authorization checks (Camunda leaves /engine-rest open and its checks off by default);</li>
 *   <li>{@code /camunda/**} — the webapps: their own session login and CSRF protection;
 *       the admin set-up endpoint is closed at all times (in 7.24.0 CE it creates an administrator without login when group camunda-admin has no direct member).</li>
 * </ul>
 * The full matrix is in docs/operations.md.
 */
@Configuration
public class SecurityConfiguration {

  static RequestMatcher path(String pattern) {
    return PathPatternRequestMatcher.withDefaults().matcher(pattern);
  }

  static RequestMatcher path(HttpMethod method, String pattern) {
    return PathPatternRequestMatcher.withDefaults().matcher(method, pattern);
  }

  /**
   * A chain that lets every request of {@code pattern} through to a check of its own (the engine
   * REST API's Basic authentication filter, a webhook's signature): no CSRF, no session, no saved
   * request.
   */
  public static SecurityFilterChain passThrough(HttpSecurity http, String pattern) throws Exception {
    return http.securityMatcher(path(pattern))
        .authorizeHttpRequests(a -> a.anyRequest().permitAll())
        .csrf(AbstractHttpConfigurer::disable)
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(AbstractHttpConfigurer::disable)
        .build();
  }

  @Bean
  @Order(1)
  SecurityFilterChain engineRest(HttpSecurity http) throws Exception {
    return passThrough(http, "/engine-rest/**");
  }

  @Bean
  @Order(2)
  SecurityFilterChain webapps(HttpSecurity http) throws Exception {
    return http.securityMatcher(path("/camunda/**"))
        .authorizeHttpRequests(a -> a
            // the first administrator comes from configuration, never from this page
            .requestMatchers(path("/camunda/api/admin/setup/**"), path("/camunda/app/admin/*/setup/**"))
            .denyAll()
            .anyRequest().permitAll())
        // the webapps bring their own CSRF filter and session handling
        .csrf(AbstractHttpConfigurer::disable)
        .headers(h -> h.frameOptions(f -> f.sameOrigin()))
        .requestCache(AbstractHttpConfigurer::disable)
        .build();
  }

  @Bean
  @Order(3)
  SecurityFilterChain api(HttpSecurity http, ProblemResponses problems, ReportReaders reports) throws Exception {
    http.securityMatcher(path("/api/**"))
        .authorizeHttpRequests(a -> a
            .requestMatchers(path(POST, "/api/contacts")).hasAnyAuthority(INTEGRATIONS, AGENTS, ADMINS)
            .requestMatchers(path(POST, "/api/calls/missed")).hasAnyAuthority(INTEGRATIONS, ADMINS)
            // the case search: agents see only their own cases in it (casefile.CaseReaders)
            .requestMatchers(path(GET, "/api/contacts")).hasAnyAuthority(AGENTS, MANAGERS, TEAM_LEADS, ADMINS)
            .requestMatchers(path(GET, "/api/contacts/{id}")).hasAnyAuthority(AGENTS, MANAGERS, INTEGRATIONS, ADMINS)
            // managers, team leads, admins; agents only of the cases they or their team worked on
            .requestMatchers(path(GET, "/api/contacts/{id}/timeline"), path(GET, "/api/contacts/{id}/timeline.csv"))
            .access(reports.timelineReaders())
            // managers, team leads, admins; agents only with team= one of their own teams
            .requestMatchers(path(GET, "/api/kpis"), path(GET, "/api/kpis/daily"), path(GET, "/api/kpis/export.csv"))
            .access(reports.kpiReaders())
            .requestMatchers(path(POST, "/api/contacts/{id}/messages")).hasAnyAuthority(INTEGRATIONS, AGENTS, ADMINS)
            .requestMatchers(path(GET, "/api/calendar/due"))
            .hasAnyAuthority(AGENTS, MANAGERS, TEAM_LEADS, INTEGRATIONS, DESIGNERS, ADMINS)
            .requestMatchers(path(GET, "/api/models")).hasAnyAuthority(DESIGNERS, MANAGERS, ADMINS)
            // carrier events come from the shop's shipping integration, never from people
            .requestMatchers(path(POST, "/api/shipments/events")).hasAnyAuthority(INTEGRATIONS, ADMINS)
            .requestMatchers(path(POST, "/api/returns/{contactId}/arrival")).hasAnyAuthority(INTEGRATIONS, AGENTS, ADMINS)
            // the customer record: people of the service department read it, integrations do not
            .requestMatchers(path(GET, "/api/customers"), path(GET, "/api/customers/{id}"))
            .hasAnyAuthority(AGENTS, MANAGERS, TEAM_LEADS, ADMINS)
            .requestMatchers(path(POST, "/api/customers/merge")).hasAnyAuthority(TEAM_LEADS, ADMINS)
            .requestMatchers(path(PUT, "/api/customers/{id}/vip")).hasAnyAuthority(TEAM_LEADS, ADMINS)
            .requestMatchers(path(POST, "/api/customers/{id}/notes"), path(POST, "/api/customers/{id}/offers"),
                path(POST, "/api/customers/{id}/identities"))
            .hasAnyAuthority(AGENTS, TEAM_LEADS, ADMINS)
            // routing: an agent reads and changes their own profile (checked by the controller),
            // team leads anyone's; leads reassign tasks by hand
            .requestMatchers(path(GET, "/api/agents")).hasAnyAuthority(TEAM_LEADS, MANAGERS, ADMINS)
            .requestMatchers(path(GET, "/api/agents/{id}")).hasAnyAuthority(AGENTS, TEAM_LEADS, MANAGERS, ADMINS)
            .requestMatchers(path(PUT, "/api/agents/{id}")).hasAnyAuthority(AGENTS, TEAM_LEADS, ADMINS)
            .requestMatchers(path(POST, "/api/tasks/{taskId}/assignment")).hasAnyAuthority(TEAM_LEADS, ADMINS)
            .requestMatchers(path(POST, "/api/users/import")).hasAnyAuthority(ADMINS)
            .anyRequest().denyAll());
    return statelessBasic(http, problems).build();
  }

  /** The customers' small pages: open to anyone, the signed link in the path is the permission. */
  @Bean
  @Order(4)
  SecurityFilterChain publicPagesChain(HttpSecurity http) throws Exception {
    return http.securityMatcher(path("/public/**"))
        .authorizeHttpRequests(a -> a.anyRequest().permitAll())
        .csrf(AbstractHttpConfigurer::disable)
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(AbstractHttpConfigurer::disable)
        .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(
            "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'")))
        .build();
  }

  /**
   * The managers' dashboard, the case search and an agent's availability: HTTP Basic like the API (no session of
   * their own to steal or forge requests with; the one form that changes something checks where it was sent from);
   * no script at all, so the policy forbids every script. The availability page also takes the agent's Tasklist
   * sign-in ({@link TasklistSession}).
   */
  @Bean
  @Order(5)
  SecurityFilterChain dashboardChain(HttpSecurity http, ProblemResponses problems, ProcessEngine engine,
      CamundaIdentityAuthenticationProvider identities) throws Exception {
    // an agent signed in to Tasklist opens their availability from Tasklist's header without a second login
    http.addFilterBefore(new TasklistSession(path("/availability"), engine.getName(), identities),
        BasicAuthenticationFilter.class);
    // that sign-in is the webapps' session: these pages leave it as it is (no new session id)
    http.sessionManagement(s -> s.sessionFixation(f -> f.none()));
    http.securityMatcher(new OrRequestMatcher(path("/dashboard"), path("/cases"), path("/availability")))
        .authorizeHttpRequests(a -> a
            .requestMatchers(path(GET, "/dashboard")).hasAnyAuthority(MANAGERS, TEAM_LEADS, ADMINS)
            // an agent's own availability; the page checks the change comes from itself (no cookies here)
            .requestMatchers(path(GET, "/availability"), path(POST, "/availability")).hasAnyAuthority(AGENTS, TEAM_LEADS)
            // the case search: agents see only their own cases in it (casefile.CaseReaders)
            .requestMatchers(path(GET, "/cases")).hasAnyAuthority(AGENTS, MANAGERS, TEAM_LEADS, ADMINS)
            .anyRequest().denyAll())
        .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(
            "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; "
                + "frame-ancestors 'none'")));
    return statelessBasic(http, problems).build();
  }

  @Bean
  @Order(6)
  SecurityFilterChain everythingElse(HttpSecurity http, ProblemResponses problems) throws Exception {
    http.authorizeHttpRequests(a -> a
            .requestMatchers(path("/actuator/health"), path("/actuator/health/**"), path("/actuator/info"))
            .permitAll()
            .requestMatchers(path("/actuator/metrics"), path("/actuator/metrics/**"), path("/actuator/prometheus"))
            .hasAnyAuthority(ADMINS, MANAGERS, MONITORING)
            .requestMatchers(path("/actuator/**")).hasAnyAuthority(ADMINS, MANAGERS)
            .requestMatchers(path("/v3/api-docs"), path("/v3/api-docs/**"), path("/swagger-ui.html"),
                path("/swagger-ui/**"))
            .permitAll()
            .requestMatchers(path("/"), path("/error"), path("/favicon.ico")).permitAll()
            .anyRequest().denyAll());
    return statelessBasic(http, problems).build();
  }

  /** HTTP Basic without sessions or CSRF tokens (no cookies), 401/403 as problem+json. */
  private static HttpSecurity statelessBasic(HttpSecurity http, ProblemResponses problems) throws Exception {
    return http
        .httpBasic(b -> b.authenticationEntryPoint(problems.unauthorized()).realmName("careflow"))
        .exceptionHandling(e -> e.authenticationEntryPoint(problems.unauthorized())
            .accessDeniedHandler(problems.forbidden()))
        .csrf(AbstractHttpConfigurer::disable)
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(AbstractHttpConfigurer::disable);
  }

  /**
   * A request the firewall refuses (e.g. {@code //} or an encoded {@code %} in the path) is a
   * 400 problem+json like every other error, not a 500 and not Spring's error JSON.
   */
  @Bean
  RequestRejectedHandler requestRejectedHandler(ProblemResponses problems) {
    return (request, response, e) -> problems.write(response, org.springframework.http.HttpStatus.BAD_REQUEST,
        "Malformed request", "careflow refuses this request path or header");
  }

  /** Camunda's HTTP Basic authentication for its REST API (Camunda leaves it off by default: /engine-rest would be open without login). */
  @Bean
  FilterRegistrationBean<Filter> engineRestAuthentication(ProcessEngine engine, VerifiedCredentials credentials) {
    var registration = new FilterRegistrationBean<Filter>(new EngineRestAuthenticationFilter(engine, credentials));
    registration.setName("camunda-engine-rest-authentication");
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName());
    registration.addInitParameter(ProcessEngineAuthenticationFilter.SERVLET_PATH_PREFIX, "/engine-rest");
    registration.addUrlPatterns("/engine-rest/*");
    registration.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
    return registration;
  }

  /**
   * No observation (timer, trace span) around each filter of Spring Security's chains, each
   * authentication and each authorization decision: twelve or more per request, about a fifth of
   * an authenticated engine read's CPU (BENCHMARKS.md, C1). The request as a whole is still
   * observed ({@code http.server.requests} in Prometheus). {@code careflow.security.observe-filters=true}
   * brings Spring Security's observations back.
   */
  @Bean
  @ConditionalOnProperty(name = "careflow.security.observe-filters", havingValue = "false", matchIfMissing = true)
  SecurityObservationSettings securityObservationSettings() {
    return SecurityObservationSettings.noObservations();
  }

  /** Ad-hoc query expressions are refused before any engine code sees them: 7.24.0 CE evaluates a JUEL expression smuggled into a task query's orQueries. */
  @Bean
  FilterRegistrationBean<QueryExpressionGuard> queryExpressionGuardRegistration(QueryExpressionGuard guard) {
    var registration = new FilterRegistrationBean<>(guard);
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }
}
