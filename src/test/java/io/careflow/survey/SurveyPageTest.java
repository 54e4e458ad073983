package io.careflow.survey;

import static org.assertj.core.api.Assertions.assertThat;

import io.careflow.casefile.Contact;
import io.careflow.contact.NewContact;
import io.careflow.contact.NewContact.CustomerDetails;
import io.careflow.followup.SendFollowUpDelegate;
import io.careflow.support.Http;
import io.careflow.support.ProtocolTestSupport;
import io.careflow.publicpages.PublicLinks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The public survey page: a valid answer is stored once per case; expired, reused, forged and
 * other-purpose tokens are refused; bad or oversized answers store nothing.
 */
class SurveyPageTest extends ProtocolTestSupport {

  static final String FORM = "application/x-www-form-urlencoded";

  @Autowired
  PublicLinks links;

  @Autowired
  SurveyAnswers answers;

  @Autowired
  io.careflow.customer.CustomerRecordService records;

  Contact contact;
  String page;

  @BeforeEach
  void invited() {
    contact = intake.receive(new NewContact("EMAIL", null, null,
        new CustomerDetails(uniqueEmail("survey"), null, "Zofia Secret-Name", "en"), "Warranty",
        "How long is the warranty?", "INQUIRY", null, null), "intake").contact();
    page = path(links.issue(contact.id(), SendFollowUpDelegate.SURVEY_PURPOSE, SendFollowUpDelegate.SURVEY_VALIDITY,
        SendFollowUpDelegate.SURVEY_PATH));
  }

  @Test
  void shouldStoreAValidAnswerOnceAndRefuseTheLinkAfterwards() {
    Http.Response form = http.get(null, page);
    assertThat(form.status()).isEqualTo(200);
    assertThat(form.body()).contains("How did we do?").contains("name=\"nps\"").contains("id=\"ces-7\"")
        .doesNotContain("Secret-Name");
    assertThat(form.header("Content-Security-Policy")).contains("default-src 'none'");

    Http.Response sent = http.post(null, page, FORM,
        "csat=4&nps=9&ces=6&comment=" + java.net.URLEncoder.encode("Fast <b>and</b> kind", java.nio.charset.StandardCharsets.UTF_8));
    assertThat(sent.status()).isEqualTo(200);
    assertThat(sent.body()).contains("id=\"thanks\"");
    assertThat(answers.of(contact.id())).hasValueSatisfying(a -> {
      assertThat(a.csat()).isEqualTo(4);
      assertThat(a.nps()).isEqualTo(9);
      assertThat(a.ces()).isEqualTo(6);
      assertThat(a.comment()).isEqualTo("Fast <b>and</b> kind");
    });

    assertThat(records.view(contact.customerId()).surveyAnswers()).singleElement().satisfies(a -> {
      assertThat(a.contactId()).isEqualTo(contact.id());
      assertThat(a.nps()).isEqualTo(9);
    });

    // replayed: the link is spent
    assertThat(http.post(null, page, FORM, "csat=1&nps=0&ces=1").status()).isEqualTo(410);
    assertThat(http.get(null, page).status()).isEqualTo(410);
    assertThat(answers.of(contact.id()).orElseThrow().csat()).isEqualTo(4);
  }

  @Test
  void shouldTakeOneAnswerPerCaseEvenThroughASecondLink() {
    String second = path(links.issue(contact.id(), SendFollowUpDelegate.SURVEY_PURPOSE,
        SendFollowUpDelegate.SURVEY_VALIDITY, SendFollowUpDelegate.SURVEY_PATH));
    assertThat(http.post(null, page, FORM, "csat=5&nps=10&ces=7").status()).isEqualTo(200);

    assertThat(http.post(null, second, FORM, "csat=1&nps=0&ces=1").status()).isEqualTo(410);
    assertThat(answers.of(contact.id()).orElseThrow().csat()).isEqualTo(5);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      nothing chosen       | comment=hello
      csat out of range    | csat=6&nps=5&ces=4
      nps out of range     | csat=3&nps=11&ces=4
      ces below range      | csat=3&nps=5&ces=0
      not a number         | csat=three&nps=5&ces=4
      hostile text         | csat=x&nps=5&ces=4&comment=%3Cscript%3Ealert(1)%3C%2Fscript%3E
      """)
  void shouldShowThePageAgainForBadAnswersAndStoreNothing(String what, String body) {
    Http.Response response = http.post(null, page, FORM, body);

    assertThat(response.status()).as(what).isEqualTo(400);
    assertThat(response.body()).contains("class=\"error\"").doesNotContain("<script>alert");
    assertThat(answers.of(contact.id())).isEmpty();
    // the link is still good for a correct answer
    assertThat(http.get(null, page).status()).isEqualTo(200);
  }

  @Test
  void shouldRefuseAnOversizedComment() {
    Http.Response response = http.post(null, page, FORM, "csat=3&nps=5&ces=4&comment=" + "x".repeat(2001));
    assertThat(response.status()).isEqualTo(400);
    assertThat(answers.of(contact.id())).isEmpty();
    assertThat(http.post(null, page, FORM, "csat=3&nps=5&ces=4&comment=" + "x".repeat(300_000)).status())
        .isEqualTo(413);
    assertThat(answers.of(contact.id())).isEmpty();
  }

  @Test
  void shouldRefuseExpiredForgedAndOtherPurposeTokens() {
    String forged = page.substring(0, page.length() - 4) + (page.endsWith("AAAA") ? "BBBB" : "AAAA");
    assertThat(http.get(null, forged).status()).isEqualTo(404);
    assertThat(http.post(null, forged, FORM, "csat=3&nps=5&ces=4").status()).isEqualTo(404);
    assertThat(http.get(null, "/public/survey/nonsense").status()).isEqualTo(404);
    assertThat(http.get(null, page.replace("/public/survey/", "/public/returns/")).status()).isEqualTo(404);

    // 28 days and a minute later
    clock(MONDAY_10.plus(SendFollowUpDelegate.SURVEY_VALIDITY).plusSeconds(60));
    Http.Response expired = http.get(null, page);
    assertThat(expired.status()).isEqualTo(410);
    assertThat(http.post(null, page, FORM, "csat=3&nps=5&ces=4").status()).isEqualTo(410);
    assertThat(answers.of(contact.id())).isEmpty();
  }

  private static String path(String url) {
    return url.substring(url.indexOf("/public/"));
  }
}
