package io.careflow.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request paths that are not in normal form ({@code //}, {@code /./}, {@code /../},
 * also percent-encoded) with 400 before any other filter reads them. The servlet container
 * and Spring would otherwise disagree about such a path — one normalises it, the other
 * does not — which is how path-based rules (like the closed admin set-up) get bypassed.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class NormalizedPathFilter extends OncePerRequestFilter {

  private static final Pattern NOT_NORMAL = Pattern.compile(
      "//|/\\./|/\\.\\./|/\\.$|/\\.\\.$|%2e|%2f|%5c|\\\\", Pattern.CASE_INSENSITIVE);

  private final ProblemResponses problems;

  public NormalizedPathFilter(ProblemResponses problems) {
    this.problems = problems;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (NOT_NORMAL.matcher(request.getRequestURI()).find()) {
      problems.write(response, HttpStatus.BAD_REQUEST, "Malformed path", "The request path is not in normal form");
      return;
    }
    chain.doFilter(request, response);
  }
}
