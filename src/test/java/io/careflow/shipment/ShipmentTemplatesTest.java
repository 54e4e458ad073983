package io.careflow.shipment;

import static org.assertj.core.api.Assertions.assertThat;

import io.careflow.communication.MessageTemplates;
import io.careflow.support.CareflowIntegrationTest;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/** The four shipment messages in every language, with carrier and customer data that tries to be markup. */
class ShipmentTemplatesTest extends CareflowIntegrationTest {

  static final String HOSTILE_ORDER = "<script>alert('order')</script>";
  static final String HOSTILE_TRACKING = "<img src=x onerror=alert(1)> ${7*7} {{7*7}}";

  @Autowired
  MessageTemplates templates;

  @Autowired
  ShipmentTexts texts;

  @ParameterizedTest(name = "{0} in {1}")
  @CsvSource(delimiter = '|', textBlock = """
      SHIPPED          | pl | Dzień dobry   | zostało wysłane
      SHIPPED          | en | Dear          | has been shipped
      SHIPPED          | ru | Здравствуйте  | отправлен
      OUT_FOR_DELIVERY | pl | Dzień dobry   | w doręczeniu
      OUT_FOR_DELIVERY | en | Dear          | out for delivery
      OUT_FOR_DELIVERY | ru | Здравствуйте  | передан курьеру
      DELAYED          | pl | Dzień dobry   | przepraszamy
      DELAYED          | en | Dear          | We are sorry
      DELAYED          | ru | Здравствуйте  | Приносим извинения
      DELIVERED        | pl | Dzień dobry   | zostało doręczone
      DELIVERED        | en | Dear          | has been delivered
      DELIVERED        | ru | Здравствуйте  | доставлен
      """)
  void shouldRenderEachMessageInEachLanguageWithEverythingEscaped(ShipmentStatus status, String language,
      String greeting, String words) {
    ShipmentEvent event = event(status, Instant.parse("2026-12-08T23:30:00Z"));
    Map<String, Object> model = new HashMap<>(texts.values(language, event));
    model.put("customerName", "<b>Jan</b> & <script>alert('name')</script>");
    model.put("shopName", "Shop & Co");

    MessageTemplates.Rendered rendered = templates.render(status.notice(), language, model);

    assertThat(rendered.language()).isEqualTo(language);
    assertThat(rendered.html()).contains(greeting).containsIgnoringCase(words)
        .contains("&lt;script&gt;alert(&#39;order&#39;)&lt;/script&gt;")
        .contains("&lt;img src=x onerror=alert(1)&gt;")
        .contains("&lt;b&gt;Jan&lt;/b&gt; &amp; &lt;script&gt;")
        .contains("Shop &amp; Co")
        .doesNotContain("<script").doesNotContain("<img").doesNotContain("<b>")
        // carrier text is never evaluated as a template
        .contains("${7*7}").contains("{{7*7}}").doesNotContain("49");
    // the plain-text alternative is not HTML: it shows the text as it came
    assertThat(rendered.text()).isNotBlank().contains(greeting).containsIgnoringCase(words)
        .contains(HOSTILE_ORDER).contains(HOSTILE_TRACKING).doesNotContain("&lt;");
    // the expected delivery, in the shop's zone (Warsaw: already 9 December) and the customer's language
    if (status == ShipmentStatus.DELAYED || status == ShipmentStatus.SHIPPED) {
      String day = Map.of("pl", "9 grudnia 2026", "en", "December 9, 2026", "ru", "9 декабря 2026").get(language);
      assertThat(rendered.html()).contains(day);
      assertThat(rendered.text()).contains(day);
    }
    assertThat(texts.subject(language, event)).contains(HOSTILE_ORDER).doesNotContain("{orderId}");
  }

  @Test
  void shouldLeaveOutTheExpectedDeliveryWhenTheCarrierGaveNone() {
    ShipmentEvent event = event(ShipmentStatus.SHIPPED, null);
    Map<String, Object> model = new HashMap<>(texts.values("en", event));
    model.put("customerName", "");
    model.put("shopName", "Shop");

    MessageTemplates.Rendered rendered = templates.render(ShipmentStatus.SHIPPED.notice(), "en", model);

    assertThat(rendered.html()).contains("Dear Customer").doesNotContain("Expected delivery");
    assertThat(rendered.text()).doesNotContain("Expected delivery");
  }

  @Test
  void shouldWriteInTheLanguageTheTemplatesHave() {
    assertThat(texts.language("ru")).isEqualTo("ru");
    assertThat(texts.language("EN")).isEqualTo("en");
    // no templates in German: the shop's default language
    assertThat(texts.language("de")).isEqualTo("pl");
    assertThat(texts.language(null)).isEqualTo("pl");
    assertThat(texts.date("en", Instant.parse("2026-12-09T11:00:00Z"))).isEqualTo("Wednesday, December 9, 2026");
    assertThat(texts.date("pl", null)).isEmpty();
  }

  private static ShipmentEvent event(ShipmentStatus status, Instant expected) {
    return new ShipmentEvent("e", HOSTILE_TRACKING, HOSTILE_ORDER, status, Instant.parse("2026-12-07T10:00:00Z"),
        expected, "c", null, null, Instant.parse("2026-12-07T10:05:00Z"), "intake", null);
  }
}
