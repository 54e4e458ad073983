package io.careflow.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.careflow.support.CareflowIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The webapps' session: behind a TLS-terminating proxy the session cookie is
 * Secure (and HttpOnly), on plain HTTP it is not marked (the local demo keeps working); Camunda's
 * CSRF protection stays on — a signed-in session without the token changes nothing.
 */
class WebappSessionSecurityTest extends CareflowIntegrationTest {

  /** A browser's cookie jar, by hand: java.net's would not send Secure cookies over the proxy's plain HTTP. */
  record Session(java.util.Map<String, String> cookies, List<String> setCookies, int status) {
    String csrf() {
      return cookies.get("XSRF-TOKEN");
    }

    String cookieHeader() {
      return cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
          .collect(java.util.stream.Collectors.joining("; "));
    }
  }

  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  private Session login(String user, String forwardedProto) throws Exception {
    var cookies = new java.util.LinkedHashMap<String, String>();
    HttpResponse<Void> page = CLIENT.send(request("/camunda/app/tasklist/default/", forwardedProto).GET().build(),
        HttpResponse.BodyHandlers.discarding());
    keep(cookies, page.headers().allValues("Set-Cookie"));
    HttpResponse<String> response = CLIENT.send(request("/camunda/api/admin/auth/user/default/login/tasklist",
            forwardedProto)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-XSRF-TOKEN", cookies.getOrDefault("XSRF-TOKEN", ""))
        .header("Cookie", new Session(cookies, List.of(), 0).cookieHeader())
        .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + user)).build(),
        HttpResponse.BodyHandlers.ofString());
    List<String> setCookies = response.headers().allValues("Set-Cookie");
    keep(cookies, setCookies);
    // the login starts a new session; like the browser, the next page load brings its CSRF token
    HttpResponse<Void> next = CLIENT.send(request("/camunda/app/tasklist/default/", forwardedProto)
        .header("Cookie", new Session(cookies, List.of(), 0).cookieHeader()).GET().build(),
        HttpResponse.BodyHandlers.discarding());
    keep(cookies, next.headers().allValues("Set-Cookie"));
    return new Session(cookies, setCookies, response.statusCode());
  }

  private static void keep(java.util.Map<String, String> cookies, List<String> setCookies) {
    for (String header : setCookies) {
      String pair = header.substring(0, header.indexOf(';') < 0 ? header.length() : header.indexOf(';'));
      cookies.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
    }
  }

  private HttpResponse<String> post(Session session, String path, String csrf) throws Exception {
    var builder = request(path, null).header("Content-Type", "application/json")
        .header("Cookie", session.cookieHeader());
    if (csrf != null) {
      builder.header("X-XSRF-TOKEN", csrf);
    }
    return CLIENT.send(builder.POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder request(String path, String forwardedProto) {
    var builder = HttpRequest.newBuilder(URI.create(baseUrl() + path));
    if (forwardedProto != null) {
      builder.header("X-Forwarded-Proto", forwardedProto);
    }
    return builder;
  }

  private static String sessionCookie(Session session) {
    return session.setCookies().stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst()
        .orElseThrow(() -> new AssertionError("no session cookie in " + session.setCookies()));
  }

  @Test
  void shouldMarkTheSessionCookieSecureBehindHttps() throws Exception {
    Session session = login("anna", "https");
    assertThat(session.status()).isEqualTo(200);
    assertThat(sessionCookie(session)).contains("Secure").contains("HttpOnly");
  }

  @Test
  void shouldKeepPlainHttpSessionsWorkingForTheLocalDemo() throws Exception {
    Session session = login("anna", null);
    assertThat(session.status()).isEqualTo(200);
    assertThat(sessionCookie(session)).doesNotContain("Secure").contains("HttpOnly");
  }

  @Test
  void shouldKeepTheWebappsCsrfProtectionOn() throws Exception {
    Session session = login("anna", null);
    assertThat(session.status()).isEqualTo(200);
    String count = "/camunda/api/engine/engine/default/task/count";

    HttpResponse<String> forged = post(session, count, null);
    assertThat(forged.statusCode()).as(forged.body()).isEqualTo(403);
    assertThat(forged.headers().firstValue("X-XSRF-TOKEN")).hasValue("Required");
    // a made-up token: refused (Camunda also drops the session's authentication)
    Session other = login("anna", null);
    assertThat(post(other, count, "0123456789ABCDEF0123456789ABCDEF").statusCode()).isIn(401, 403);

    Session third = login("anna", null);
    HttpResponse<String> genuine = post(third, count, third.csrf());
    assertThat(genuine.statusCode()).as(genuine.body()).isEqualTo(200);
    assertThat(genuine.body()).contains("count");
  }

  /**
   * Signed in to Tasklist, an agent opens their availability page without a second login (the
   * webapps' session, read by TasklistSession); the page's guards hold for the session too: a
   * form from another site, or one naming another agent, is refused. Without a session, Basic asks.
   */
  @Test
  void shouldOpenTheAvailabilityPageWithTheTasklistSession() throws Exception {
    Session session = login("boris", null);
    assertThat(session.status()).isEqualTo(200);

    HttpResponse<String> page = CLIENT.send(request("/availability", null).header("Cookie", session.cookieHeader())
        .GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    assertThat(page.body()).contains("Boris Ivanov");
    assertThat(page.headers().allValues("Set-Cookie")).as("the page leaves the Tasklist session as it was")
        .noneMatch(c -> c.startsWith("JSESSIONID="));

    HttpResponse<String> forged = availabilityForm(session, "availability=AWAY", "http://evil.example");
    assertThat(forged.statusCode()).as("another site's form with the agent's session: " + forged.headers().map()
        + forged.body()).isEqualTo(403);
    HttpResponse<String> someoneElse = availabilityForm(session, "agent=anna&availability=AWAY", baseUrl());
    assertThat(someoneElse.statusCode()).isEqualTo(403);
    assertThat(someoneElse.body()).contains("You can change only your own availability");

    assertThat(CLIENT.send(request("/availability", null).GET().build(), HttpResponse.BodyHandlers.discarding())
        .statusCode()).as("no session, no credentials").isEqualTo(401);
  }

  private HttpResponse<String> availabilityForm(Session session, String form, String origin) throws Exception {
    HttpResponse<String> response = CLIENT.send(request("/availability", null).header("Cookie", session.cookieHeader())
        .header("Origin", origin).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    keep(session.cookies(), response.headers().allValues("Set-Cookie"));
    return response;
  }
}
