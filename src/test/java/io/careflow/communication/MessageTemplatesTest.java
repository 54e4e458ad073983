package io.careflow.communication;

import static org.assertj.core.api.Assertions.assertThat;

import io.careflow.support.CareflowIntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/** The reply templates in every language, with customer text that tries to be markup. */
class MessageTemplatesTest extends CareflowIntegrationTest {

  @Autowired
  MessageTemplates templates;
  @Autowired
  CannedReplies replies;

  static final Map<String, Object> HOSTILE = Map.of(
      "customerName", "<script>alert('name')</script>",
      "agentName", "Anna <b>Nowak</b>",
      "replyText", "Line one\n<img src=x onerror=alert(1)> ${7*7} {{7*7}}",
      "subject", "<i>subject</i>",
      "shopName", "Shop & Co");

  @ParameterizedTest(name = "{0}")
  @CsvSource({"pl, pl, Dzień dobry", "en, en, Dear", "ru, ru, Здравствуйте", "de, pl, Dzień dobry", ", pl, Dzień dobry"})
  void shouldRenderInTheCustomersLanguageWithEverythingEscaped(String language, String expected, String greeting) {
    // the greeting and signature come from the reply frame, with the same hostile values in them
    var model = new java.util.HashMap<String, Object>(HOSTILE);
    var frame = replies.frame(expected, Map.of("customerName", (String) HOSTILE.get("customerName"),
        "agentName", (String) HOSTILE.get("agentName"), "shopName", (String) HOSTILE.get("shopName")));
    model.put("greeting", frame.greeting());
    model.put("signature", frame.signature());
    MessageTemplates.Rendered rendered = templates.render(ReplyService.TEMPLATE_REPLY, language, model);

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

  /** Every customer template (the staff alerts are English-only), in every language. */
  static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> customerTemplates() throws Exception {
    var resolver = new org.springframework.core.io.support.PathMatchingResourcePatternResolver();
    var names = new java.util.TreeSet<String>();
    for (var resource : resolver.getResources("classpath:templates/mail/*_pl.ftlh")) {
      names.add(resource.getFilename().replace("_pl.ftlh", ""));
    }
    assertThat(names).contains("reply", "follow-up-offer", "survey-invitation");
    return names.stream().flatMap(name -> java.util.stream.Stream.of("pl", "en", "ru")
        .map(language -> org.junit.jupiter.params.provider.Arguments.of(name, language)));
  }

  @ParameterizedTest(name = "{0} in {1}")
  @org.junit.jupiter.params.provider.MethodSource("customerTemplates")
  void shouldRenderEveryTemplateInEveryLanguageWithHostileInputEscaped(String name, String language)
      throws Exception {
    String html = new String(new org.springframework.core.io.ClassPathResource(
        "templates/mail/" + name + "_" + language + ".ftlh").getContentAsByteArray(),
        java.nio.charset.StandardCharsets.UTF_8);
    String text = new String(new org.springframework.core.io.ClassPathResource(
        "templates/mail/" + name + "_" + language + ".text.ftl").getContentAsByteArray(),
        java.nio.charset.StandardCharsets.UTF_8);
    String hostile = "<script>alert('" + name + "')</script> & ${7*7}";
    Map<String, Object> model = new java.util.HashMap<>();
    var lists = new java.util.HashMap<String, String>();
    var listMatcher = java.util.regex.Pattern.compile("<#list (\\w+) as (\\w+)>").matcher(html + text);
    while (listMatcher.find()) {
      lists.put(listMatcher.group(1), listMatcher.group(2));
    }
    var variables = java.util.regex.Pattern.compile("(?:\\$\\{|<#if )(\\w+)").matcher(html + text);
    while (variables.find()) {
      model.put(variables.group(1), hostile);
    }
    // flags (<#if approved!false>) are booleans
    var flags = java.util.regex.Pattern.compile("<#if (\\w+)(?:!false)?>").matcher(html + text);
    while (flags.find()) {
      model.put(flags.group(1), true);
    }
    // looked up by key (<#if due["replacement-review"]??>): a map of the keys the template names
    var lookups = java.util.regex.Pattern.compile("(\\w+)\\[\"([^\"]+)\"\\]").matcher(html + text);
    while (lookups.find()) {
      Object map = model.get(lookups.group(1));
      var keys = map instanceof Map<?, ?> known ? new java.util.HashMap<Object, Object>(known)
          : new java.util.HashMap<Object, Object>();
      keys.put(lookups.group(2), hostile);
      model.put(lookups.group(1), keys);
    }
    lists.forEach((list, item) -> {
      Map<String, Object> element = new java.util.HashMap<>();
      var properties = java.util.regex.Pattern.compile(item + "\\.(\\w+)").matcher(html + text);
      while (properties.find()) {
        element.put(properties.group(1), hostile);
      }
      model.put(list, List.of(element));
      model.remove(item);
    });

    MessageTemplates.Rendered rendered = templates.render(name, language, model);

    assertThat(rendered.language()).isEqualTo(language);
    assertThat(rendered.html()).doesNotContain("<script>").contains("&lt;script&gt;alert(")
        .doesNotContain("49");
    assertThat(rendered.text()).as("plain-text alternative").isNotBlank().contains("<script>alert(");
  }
}
