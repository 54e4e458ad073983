package io.careflow.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Plain HTTP against the running careflow, so security filters and error pages are real. */
public final class Http {

  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String baseUrl;

  public Http(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  public record Response(int status, String body, HttpResponse<String> raw) {
    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("Not JSON: " + body, e);
      }
    }

    public String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }
  }

  public Response get(String user, String path) {
    return send(request(user, path).GET().build());
  }

  public Response post(String user, String path, String contentType, String body) {
    return send(request(user, path).header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
  }

  /** A browser's form POST ({@code application/x-www-form-urlencoded}) with extra headers, name then value. */
  public Response postForm(String user, String path, String body, String... headers) {
    var request = request(user, path).header("Content-Type", "application/x-www-form-urlencoded");
    for (int i = 0; i + 1 < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return send(request.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
  }

  public Response postJson(String user, String path, String json) {
    return post(user, path, "application/json", json);
  }

  public Response postJson(String user, String path, Object body) {
    try {
      return postJson(user, path, JSON.writeValueAsString(body));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public Response putJson(String user, String path, String json) {
    return send(request(user, path).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build());
  }

  /**
   * What Camunda Modeler's deploy sends: {@code POST /engine-rest/deployment/create}, a multipart
   * deployment named {@code deploymentName} holding one file.
   */
  public Response deploy(String user, String deploymentName, String fileName, String content) {
    String boundary = "careflow-" + java.util.UUID.randomUUID();
    String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n"
        + deploymentName + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileName
        + "\"; filename=\"" + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + content
        + "\r\n--" + boundary + "--\r\n";
    return post(user, "/engine-rest/deployment/create", "multipart/form-data; boundary=" + boundary, body);
  }

  /** A file of a browser's multipart form. */
  public record Part(String fileName, String contentType, byte[] content) {}

  /**
   * A browser's form with files ({@code multipart/form-data}), without credentials: the text
   * fields, then each file as a part named {@code fileField}.
   */
  public Response postMultipart(String path, java.util.Map<String, String> fields, String fileField, Part... files) {
    String boundary = "careflow-" + java.util.UUID.randomUUID();
    var body = new java.io.ByteArrayOutputStream();
    fields.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
        + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
    for (Part file : files) {
      body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField
          + "\"; filename=\"" + file.fileName() + "\"\r\nContent-Type: " + file.contentType() + "\r\n\r\n")
          .getBytes(StandardCharsets.UTF_8));
      body.writeBytes(file.content());
      body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return send(request(null, path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
  }

  /** Demo users have their name as password (API.md). */
  private HttpRequest.Builder request(String user, String path) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path));
    if (user != null) {
      builder.header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
    }
    return builder;
  }

  private static Response send(HttpRequest request) {
    try {
      HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.body(), response);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
