package io.careflow.communication;

import static org.assertj.core.api.Assertions.assertThat;

import io.careflow.support.CareflowIntegrationTest;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/** The reply templates in every language, with customer text that tries to be markup. */
class MessageTemplatesTest extends CareflowIntegrationTest {

  @Autowired
  MessageTemplates templates;

  static final Map<String, Object> HOSTILE = Map.of(
      "customerName", "<script>alert('name')</script>",
      "agentName", "Anna <b>Nowak</b>",
      "replyText", "Line one\n<img src=x onerror=alert(1)> ${7*7} {{7*7}}",
      "subject", "<i>subject</i>",
      "shopName", "Shop & Co");

  @ParameterizedTest(name = "{0}")
  @CsvSource({"pl, pl, Dzień dobry", "en, en, Dear", "ru, ru, Здравствуйте", "de, pl, Dzień dobry", ", pl, Dzień dobry"})
  void shouldRenderInTheCustomersLanguageWithEverythingEscaped(String language, String expected, String greeting) {
    MessageTemplates.Rendered rendered = templates.render(ReplyService.TEMPLATE_REPLY, language, HOSTILE);

    assertThat(rendered.language()).isEqualTo(expected);
    assertThat(rendered.html()).contains(greeting)
        .contains("&lt;script&gt;").doesNotContain("<script>")
        .contains("&lt;img src=x onerror=alert(1)&gt;").doesNotContain("<img")
        .contains("Anna &lt;b&gt;Nowak&lt;/b&gt;")
        .contains("Shop &amp; Co")
        // customer text is never evaluated as a template
        .contains("${7*7}").contains("{{7*7}}").doesNotContain("49");
    assertThat(rendered.text()).contains(greeting).contains("Line one\n<img src=x onerror=alert(1)>")
        .contains("Anna <b>Nowak</b>");
  }
}
