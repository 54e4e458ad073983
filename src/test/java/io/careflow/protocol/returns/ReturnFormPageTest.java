package io.careflow.protocol.returns;

import static org.assertj.core.api.Assertions.assertThat;

import io.careflow.casefile.Contact;
import io.careflow.support.Http;
import io.careflow.support.ProtocolTestSupport;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The public return form: a genuine, fresh link opens it; a forged, expired, reused or
 * other-purpose token answers the friendly page with 4xx and never names the customer;
 * bad input stores nothing.
 */
class ReturnFormPageTest extends ProtocolTestSupport {

  static final String FORM = "application/x-www-form-urlencoded";

  Contact contact;
  ProcessInstance pi;
  String page;

  @BeforeEach
  void linkSent() {
    contact = intake.receive(new io.careflow.contact.NewContact("EMAIL", null, null,
        new io.careflow.contact.NewContact.CustomerDetails(uniqueEmail("page"), null, "Zofia Secret-Name", "pl"),
        "Zwrot", "Chcę zwrócić buty", "RETURN", null, null), "intake").contact();
    pi = protocol(contact, ReturnProcess.KEY);
    run(pi, ReturnProcess.Elements.SERVICE_SEND_RETURN_FORM_LINK);
    page = linkedPath(contact);
  }

  @Test
  void shouldShowTheFormInTheCustomersLanguage() {
    Http.Response form = http.get(null, page);
    assertThat(form.status()).isEqualTo(200);
    assertThat(form.body()).contains("Formularz zwrotu").contains("Zły rozmiar").contains("value=\"OTHER\"")
        .doesNotContain("Secret-Name");
    assertThat(form.header("Content-Security-Policy")).contains("default-src 'none'");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      no reason             | comment=hello
      unknown reason        | reason=STOLEN
      other without comment | reason=OTHER
      """)
  void shouldShowTheFormAgainForBadInputAndStoreNothing(String what, String body) {
    Http.Response response = http.post(null, page, FORM, body);
    assertThat(response.status()).as(what).isEqualTo(400);
    assertThat(response.body()).contains("id=\"error\"");
    assertThat(count("return_request", contact)).isZero();
    assertThat(pi).satisfies(p -> org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(p)
        .isWaitingAt(ReturnProcess.Elements.RECEIVE_RETURN_FORM));
  }

  @Test
  void shouldTakeTheFormOnceAndEscapeWhatTheCustomerWrote() {
    String comment = "<script>alert(1)</script> ${7*7}";
    Http.Response sent = http.post(null, page, FORM, "reason=OTHER&comment="
        + URLEncoder.encode(comment, StandardCharsets.UTF_8));
    assertThat(sent.status()).isEqualTo(200);
    assertThat(sent.body()).contains("Dziękujemy");

    Http.Response again = http.post(null, page, FORM, "reason=OTHER&comment=again");
    assertThat(again.status()).isEqualTo(410);
    assertThat(again.body()).contains("został już wysłany").doesNotContain("Secret-Name");
    assertThat(http.get(null, page).status()).isEqualTo(410);
    assertThat(count("return_request", contact)).isEqualTo(1);
    // stored as written, never evaluated
    assertThat(jdbc.sql("select comment from return_request where contact_id = ?").param(contact.id())
        .query(String.class).single()).isEqualTo(comment);
  }

  @Test
  void shouldEscapeHostileTextWhenTheFormIsShownAgain() {
    Http.Response response = http.post(null, page, FORM, "reason=BAD&comment="
        + URLEncoder.encode("<script>alert(1)</script>", StandardCharsets.UTF_8));
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body()).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>");
  }

  @Test
  void shouldRefuseAForgedToken() {
    String forged = page.substring(0, page.length() - 4) + (page.endsWith("AAAA") ? "BBBB" : "AAAA");
    Http.Response response = http.get(null, forged);
    assertThat(response.status()).isEqualTo(404);
    assertThat(response.body()).contains("link").doesNotContain("Secret-Name");
    assertThat(http.get(null, "/public/returns/nonsense").status()).isEqualTo(404);
    assertThat(http.get(null, "/public/returns/" + "x".repeat(300)).status()).isEqualTo(404);
    assertThat(http.post(null, forged, FORM, "reason=WRONG_SIZE").status()).isEqualTo(404);
    assertThat(count("return_request", contact)).isZero();
  }

  @Test
  void shouldRefuseATokenOfAnotherPurpose() {
    String asReplacement = page.replace("/public/returns/", "/public/replacements/");
    assertThat(http.get(null, asReplacement).status()).isEqualTo(404);
  }

  @Test
  void shouldRefuseAnExpiredLink() {
    clock(at("2026-12-14T10:01+01:00"));
    Http.Response response = http.get(null, page);
    assertThat(response.status()).isEqualTo(410);
    assertThat(response.body()).contains("wygasł");
    assertThat(http.post(null, page, FORM, "reason=WRONG_SIZE").status()).isEqualTo(410);
    assertThat(count("return_request", contact)).isZero();
  }

  @Test
  void shouldNameTheOrderConfirmWithInstructionsAndAnswerAnEnglishCustomerInEnglishEvenForAUsedLink() {
    Contact english = intake.receive(new io.careflow.contact.NewContact("EMAIL", null, null,
        new io.careflow.contact.NewContact.CustomerDetails(uniqueEmail("en-return"), null, "Emma Stone", "en"),
        "Return", "I want to return the kettle", "RETURN", "ORD-4711", "KET-200"), "intake").contact();
    ProcessInstance englishCase = protocol(english, ReturnProcess.KEY);
    run(englishCase, ReturnProcess.Elements.SERVICE_SEND_RETURN_FORM_LINK);
    String link = linkedPath(english);

    Http.Response form = http.get(null, link);
    assertThat(form.body()).contains("Return form").contains("ORD-4711").contains("KET-200");
    // "Other" without a comment: the message says what is missing, no "?" placeholder
    Http.Response other = http.post(null, link, FORM, "reason=OTHER");
    assertThat(other.status()).isEqualTo(400);
    assertThat(other.body()).contains("Please tell us in a few words what the reason is.").doesNotContain(": ?");
    assertThat(http.post(null, link, FORM, "comment=x").body()).contains("Please choose a reason for the return.");

    Http.Response sent = http.post(null, link, FORM, "reason=WRONG_SIZE");
    assertThat(sent.status()).isEqualTo(200);
    assertThat(sent.body()).contains("return request for order ORD-4711").contains("KET-200")
        .contains(io.careflow.communication.CaseToken.of(english.id())).contains("within 14 days");
    // and by message, from the model's own step
    run(englishCase, ReturnProcess.Elements.SERVICE_SEND_RETURN_INSTRUCTIONS);
    assertThat(notices(english)).last().satisfies(m -> assertThat(m.body())
        .contains("Dear Emma Stone").contains("order ORD-4711").contains("KET-200")
        .contains(io.careflow.communication.CaseToken.of(english.id())));

    // the used link, and an expired one, answer in English, not in the shop's Polish
    Http.Response used = http.get(null, link);
    assertThat(used.status()).isEqualTo(410);
    assertThat(used.body()).contains("This form has already been sent.").contains("lang=\"en\"");
    clock(at("2026-12-31T10:00+01:00"));
    assertThat(http.get(null, link).body()).contains("This form has already been sent.");
  }

  @Test
  void shouldAnswerAForgedLinkInTheBrowsersLanguage() {
    String forged = page.substring(0, page.length() - 4) + (page.endsWith("AAAA") ? "BBBB" : "AAAA");
    var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl() + forged))
        .header("Accept-Language", "ru-RU,ru;q=0.9,en;q=0.5").GET().build();
    try {
      var response = java.net.http.HttpClient.newHttpClient().send(request,
          java.net.http.HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(404);
      assertThat(response.body()).contains("lang=\"ru\"");
    } catch (java.io.IOException | InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  private long count(String table, Contact c) {
    return jdbc.sql("select count(*) from " + table + " where contact_id = ?").param(c.id()).query(Long.class)
        .single();
  }
}
