package io.careflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.careflow.support.CareflowIntegrationTest;
import io.careflow.support.Http;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code GET /api/calendar/due} of API.md, with good and bad input. */
class CalendarApiTest extends CareflowIntegrationTest {

  Http http;

  @BeforeEach
  void http() {
    http = new Http(baseUrl());
  }

  @ParameterizedTest(name = "{0} + {1} = {2}")
  @CsvSource({
      "2026-12-04T15:00:00%2B01:00, PT6H, 2026-12-07T13:00:00+01:00",
      "2026-12-04T14:00:00Z,        PT6H, 2026-12-07T13:00:00+01:00",
      "2026-12-04T15:00:00%2B01:00, P2D,  2026-12-08T15:00:00+01:00",
      "2026-12-23T16:00:00%2B01:00, PT2H, 2026-12-28T10:00:00+01:00"})
  void shouldAnswerTheDueInstant(String from, String duration, String dueAt) {
    Http.Response response = http.get("anna", "/api/calendar/due?from=" + from + "&duration=" + duration);

    assertThat(response.status()).isEqualTo(200);
    JsonNode body = response.json();
    assertThat(body.get("dueAt").asText()).isEqualTo(dueAt);
    assertThat(body.get("duration").asText()).isEqualTo(duration);
    assertThat(body.get("from").asText()).endsWith("+01:00");
  }

  @Test
  void shouldCountFromNowWithoutFrom() {
    Http.Response response = http.get("intake", "/api/calendar/due?duration=PT1H");
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().get("dueAt").isTextual()).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      ?from=yesterday&duration=PT6H               | from
      ?from=2026-12-04T15:00:00&duration=PT6H     | from
      ?from=2026-12-04T15:00:00Z&duration=6h      | duration
      ?from=2026-12-04T15:00:00Z&duration=P91D    | duration
      ?from=2026-12-04T15:00:00Z&duration=PT2161H | duration
      ?from=2026-12-04T15:00:00Z&duration=P1M     | duration
      ?from=2026-12-04T15:00:00Z                  | duration
      ?from=now&duration=forever                  | duration,from
      """)
  void shouldRefuseBadInput(String query, String fields) {
    Http.Response response = http.get("anna", "/api/calendar/due" + query);

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    assertThat(StreamSupport.stream(response.json().get("errors").spliterator(), false)
        .map(e -> e.get("field").asText())).containsExactlyInAnyOrder(fields.split(","));
  }

  @Test
  void shouldRequireSigningIn() {
    assertThat(http.get(null, "/api/calendar/due?duration=PT6H").status()).isEqualTo(401);
  }
}
