package io.careflow.cases.page;

import static org.springframework.http.HttpMethod.GET;

import io.careflow.reporting.ReportAccess;
import org.camunda.bpm.engine.ProcessEngines;
import io.careflow.system.ProblemResponses;
import java.nio.charset.StandardCharsets;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Who may open a case page: as the case's timeline ({@link ReportAccess#timelineReaders()}) —
 * managers, team leads and administrators every case, agents the cases they or their team worked
 * on, integrations none. HTTP Basic like the dashboard (a read-only page: no session, no CSRF
 * token needed). A refusal is a small HTML page, as the page is one. The page's script and the
 * vendored bpmn-js viewer are public files (no data in them).
 *
 * <p>Only {@code /cases/*} (one segment: a case, or a file of the page), the customer's files of a
 * case {@code /cases/{id}/files/{fileId}} (the same rule) and {@code /vendor/**}: the search page
 * {@code /cases} has rules of its own. An agent signed in to Tasklist needs no second sign-in
 * ({@link TasklistSessionAuthentication}), so a task form shows the customer's photos.
 */
@Configuration
public class CasePageSecurity {

  static final String FORBIDDEN_PAGE = """
      <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>careflow · forbidden</title></head>
      <body style="font-family: Arial, sans-serif; margin: 1.5rem"><h1>Forbidden</h1>
      <p>You may open the cases you or your team worked on; managers and team leads every case.</p>
      </body></html>""";

  private static PathPatternRequestMatcher.Builder paths() {
    return PathPatternRequestMatcher.withDefaults();
  }

  @Bean
  @Order(5)
  SecurityFilterChain casePageChain(HttpSecurity http, ProblemResponses problems, ReportAccess reports)
      throws Exception {
    return http.securityMatchers(m -> m.requestMatchers(paths().matcher("/cases/*"), paths().matcher("/cases/*/files/*"),
            paths().matcher("/vendor/**")))
        .authorizeHttpRequests(a -> a
            .requestMatchers(paths().matcher(GET, "/cases/*.js"), paths().matcher(GET, "/cases/*.css"),
                paths().matcher(GET, "/vendor/**"))
            .permitAll()
            .requestMatchers(paths().matcher(GET, "/cases/{id}"), paths().matcher(GET, "/cases/{id}/files/{fileId}"))
            .access(reports.timelineReaders())
            .anyRequest().denyAll())
        .httpBasic(b -> b.authenticationEntryPoint(problems.unauthorized()).realmName("careflow"))
        .addFilterBefore(new TasklistSessionAuthentication(ProcessEngines.NAME_DEFAULT), BasicAuthenticationFilter.class)
        .exceptionHandling(e -> e.authenticationEntryPoint(problems.unauthorized())
            .accessDeniedHandler(forbiddenPage()))
        .csrf(AbstractHttpConfigurer::disable)
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(AbstractHttpConfigurer::disable)
        .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(
            "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                + "form-action 'self'; frame-ancestors 'none'")))
        .build();
  }

  static AccessDeniedHandler forbiddenPage() {
    return (request, response, denied) -> {
      response.setStatus(403);
      response.setContentType("text/html;charset=UTF-8");
      response.getOutputStream().write(FORBIDDEN_PAGE.getBytes(StandardCharsets.UTF_8));
    };
  }
}
