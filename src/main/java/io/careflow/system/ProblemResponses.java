package io.careflow.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

/** 401 and 403 of careflow's API as problem+json, like every other error. */
@Component
public class ProblemResponses {

  private final ObjectMapper objectMapper;

  public ProblemResponses(ObjectMapper objectMapper) {
    this.objectMapper = objectMapper;
  }

  public AuthenticationEntryPoint unauthorized() {
    return (request, response, e) -> {
      response.setHeader("WWW-Authenticate", "Basic realm=\"careflow\"");
      write(response, HttpStatus.UNAUTHORIZED, "Unauthorized", "Sign in with HTTP Basic authentication");
    };
  }

  public AccessDeniedHandler forbidden() {
    return (request, response, e) ->
        write(response, HttpStatus.FORBIDDEN, "Forbidden", "Your groups do not allow this request");
  }

  public void write(HttpServletResponse response, HttpStatus status, String title, String detail)
      throws IOException {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    objectMapper.writeValue(response.getOutputStream(), problem);
  }
}
