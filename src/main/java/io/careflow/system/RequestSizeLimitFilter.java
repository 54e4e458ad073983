package io.careflow.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies to careflow's API above the limit (256 KiB) and to the customers'
 * public pages above theirs (64 KiB: a form of a few fields; a form with the customer's files,
 * {@code careflow.public-links.max-upload-bytes}) with 413 — at once when the
 * length is announced, and while reading when it is not (chunked uploads).
 */
@Component
public class RequestSizeLimitFilter extends OncePerRequestFilter {

  private final long apiMaxBytes;
  private final long publicMaxBytes;
  private final long uploadMaxBytes;
  private final ObjectMapper objectMapper;

  public RequestSizeLimitFilter(@Value("${careflow.intake.max-request-bytes:262144}") long apiMaxBytes,
      @Value("${careflow.public-links.max-form-bytes:65536}") long publicMaxBytes,
      @Value("${careflow.public-links.max-upload-bytes:52428800}") long uploadMaxBytes, ObjectMapper objectMapper) {
    this.apiMaxBytes = apiMaxBytes;
    this.publicMaxBytes = publicMaxBytes;
    this.uploadMaxBytes = uploadMaxBytes;
    this.objectMapper = objectMapper;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !request.getRequestURI().startsWith(request.getContextPath() + "/api/")
        && !request.getRequestURI().startsWith(request.getContextPath() + "/public/");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    boolean publicPage = request.getRequestURI().startsWith(request.getContextPath() + "/public/");
    long maxBytes = !publicPage ? apiMaxBytes : isMultipart(request) ? uploadMaxBytes : publicMaxBytes;
    if (request.getContentLengthLong() > maxBytes) {
      response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      objectMapper.writeValue(response.getOutputStream(),
          ApiExceptionHandler.payloadTooLarge(new PayloadTooLargeException(maxBytes).getMessage()).getBody());
      return;
    }
    chain.doFilter(new LimitedRequest(request, maxBytes), response);
  }

  /** A public page's form with files (the customer's photos): its own, larger limit. */
  private static boolean isMultipart(HttpServletRequest request) {
    return request.getContentType() != null
        && request.getContentType().toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data");
  }

  private static final class LimitedRequest extends HttpServletRequestWrapper {
    private final long limit;
    private ServletInputStream stream;

    LimitedRequest(HttpServletRequest request, long limit) {
      super(request);
      this.limit = limit;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        stream = new LimitedStream(super.getInputStream(), limit);
      }
      return stream;
    }
  }

  private static final class LimitedStream extends ServletInputStream {
    private final ServletInputStream in;
    private final long limit;
    private long read;

    LimitedStream(ServletInputStream in, long limit) {
      this.in = in;
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = in.read(b, off, len);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) throws IOException {
      read += n;
      if (read > limit) {
        throw new PayloadTooLargeException(limit);
      }
    }

    @Override
    public boolean isFinished() {
      return in.isFinished();
    }

    @Override
    public boolean isReady() {
      return in.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      in.setReadListener(listener);
    }
  }
}
