package io.careflow.system;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses expressions ({@code ${…}} or {@code #{…}}) in task and filter queries sent to
 * Camunda's REST API and to the webapps' engine API, with 400.
 *
 * <p>Camunda 7.24.0 CE evaluates an expression smuggled into a task query's
 * {@code orQueries} (remote code execution for any signed-in user; fixed only in paid
 * patches: a JUEL expression smuggled into a task query's orQueries is evaluated). careflow never needs an ad-hoc query expression: its Tasklist
 * filters are stored by careflow at start through the Java API. Query parameters and
 * every string and field name of a JSON body are checked after decoding, so
 * percent-encoding and JSON unicode escapes do not slip through.
 */
@Component
public class QueryExpressionGuard extends OncePerRequestFilter {

  /** Task queries, task counts, filter create/update/execute, historic task queries. */
  private static final Pattern QUERY_PATHS = Pattern.compile(
      "^/(engine-rest(/engine/[^/]+)?|camunda/api/engine/engine/[^/]+)"
          + "/(task(/count)?|filter(/.*)?|history/task(/count)?)/?$");
  private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{");
  private static final int MAX_QUERY_BODY = 1024 * 1024;

  private final ObjectMapper objectMapper;
  private final ProblemResponses problems;

  public QueryExpressionGuard(ObjectMapper objectMapper, ProblemResponses problems) {
    this.objectMapper = objectMapper;
    this.problems = problems;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    // servlet path and path info are decoded and normalised, as the REST API will see them
    String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    return !QUERY_PATHS.matcher(collapseSlashes(path)).matches();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
      if (hasExpression(parameter.getKey()) || java.util.Arrays.stream(parameter.getValue()).anyMatch(this::hasExpression)) {
        reject(response);
        return;
      }
    }
    byte[] body = request.getInputStream().readNBytes(MAX_QUERY_BODY + 1);
    if (body.length > MAX_QUERY_BODY) {
      problems.write(response, HttpStatus.PAYLOAD_TOO_LARGE, "Request too large", "A query body is limited to 1 MiB");
      return;
    }
    if (body.length > 0 && bodyHasExpression(body)) {
      reject(response);
      return;
    }
    chain.doFilter(new CachedBodyRequest(request, body), response);
  }

  private boolean bodyHasExpression(byte[] body) {
    String raw = new String(body, StandardCharsets.UTF_8);
    if (hasExpression(raw)) {
      return true;
    }
    try {
      return containsExpression(objectMapper.readTree(body));
    } catch (JsonProcessingException notJson) {
      return false; // the raw text was checked; the REST API itself refuses malformed JSON
    } catch (IOException e) {
      return true;
    }
  }

  private boolean containsExpression(JsonNode node) {
    if (node == null) {
      return false;
    }
    if (node.isTextual()) {
      return hasExpression(node.textValue());
    }
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (hasExpression(field.getKey()) || containsExpression(field.getValue())) {
        return true;
      }
    }
    for (JsonNode element : node) {
      if (!node.isObject() && containsExpression(element)) {
        return true;
      }
    }
    return false;
  }

  private boolean hasExpression(String value) {
    return value != null && EXPRESSION.matcher(value).find();
  }

  private void reject(HttpServletResponse response) throws IOException {
    problems.write(response, HttpStatus.BAD_REQUEST, "Expressions are not allowed in queries",
        "Task and filter queries may not contain ${...} or #{...} expressions");
  }

  private static String collapseSlashes(String path) {
    return path.replaceAll("/{2,}", "/");
  }

  /** Lets the REST API read the body this filter already read. */
  private static final class CachedBodyRequest extends HttpServletRequestWrapper {
    private final byte[] body;

    CachedBodyRequest(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      var in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException();
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      String encoding = getCharacterEncoding() != null ? getCharacterEncoding() : StandardCharsets.UTF_8.name();
      return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body),
          java.nio.charset.Charset.forName(encoding)));
    }
  }
}
