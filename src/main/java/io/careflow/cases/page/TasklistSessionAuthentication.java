package io.careflow.cases.page;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An agent signed in to Tasklist opens the case page and the customer's files from a task form
 * without signing in again: the Camunda webapps' session (the same cookie, same site) stands for
 * HTTP Basic here, with the groups it carries. Only read, and only on the case page's chain; a
 * request with its own {@code Authorization} header is left to HTTP Basic.
 */
final class TasklistSessionAuthentication extends OncePerRequestFilter {

  private final String engineName;

  TasklistSessionAuthentication(String engineName) {
    this.engineName = engineName;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    HttpSession session = request.getSession(false);
    if (session != null && request.getHeader(HttpHeaders.AUTHORIZATION) == null
        && SecurityContextHolder.getContext().getAuthentication() == null) {
      Authentications signedIn = AuthenticationUtil.getAuthsFromSession(session);
      if (signedIn != null && signedIn.getAuthenticationForProcessEngine(engineName) instanceof UserAuthentication user
          && user.getGroupIds() != null) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user.getName(), null,
            user.getGroupIds().stream().map(SimpleGrantedAuthority::new).toList()));
        SecurityContextHolder.setContext(context);
      }
    }
    chain.doFilter(request, response);
  }
}
