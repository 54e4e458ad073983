package io.careflow.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An agent signed in to Tasklist is signed in to careflow's page beside it ({@code /availability},
 * linked from Tasklist's header) without a second login: the Camunda webapps keep who signed in in
 * the HTTP session, and this filter reads it there — the one place careflow reads the webapps'
 * session ({@code AuthenticationUtil}). Only a sign-in to Tasklist counts; the person's groups
 * are read afresh from the identity service, as for HTTP Basic. A request with HTTP Basic
 * credentials, or without a Tasklist session, goes on to Basic as before.
 *
 * <p>The session cookie now lets a browser in: the page's one change is a POST that checks it
 * came from careflow's own page (and the webapps' cookie is {@code SameSite=Lax}, not sent with
 * another site's form post).
 */
final class TasklistSession extends OncePerRequestFilter {

  static final String TASKLIST = "tasklist";

  private final RequestMatcher pages;
  private final String engineName;
  private final CamundaIdentityAuthenticationProvider identities;

  TasklistSession(RequestMatcher pages, String engineName, CamundaIdentityAuthenticationProvider identities) {
    this.pages = pages;
    this.engineName = engineName;
    this.identities = identities;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !pages.matches(request) || request.getHeader("Authorization") != null;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    var current = SecurityContextHolder.getContext().getAuthentication();
    if (current == null || !current.isAuthenticated()) {
      signedInToTasklist(request).ifPresent(user -> {
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(identities.signedIn(user));
        SecurityContextHolder.setContext(context);
      });
    }
    chain.doFilter(request, response);
  }

  /** Who signed in to Tasklist in this browser session (to the engine careflow runs), if anyone. */
  Optional<String> signedInToTasklist(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return Optional.empty();
    }
    Authentication authentication;
    try {
      authentication = AuthenticationUtil.getAuthsFromSession(session).getAuthenticationForProcessEngine(engineName);
    } catch (IllegalStateException invalidated) {
      return Optional.empty();
    }
    return authentication instanceof UserAuthentication user && user.isAuthorizedForApp(TASKLIST)
        ? Optional.ofNullable(user.getName()) : Optional.empty();
  }
}
