package io.careflow.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The customers' pages read their texts from templates/public/texts_<lang>.properties: every language says everything. */
class PublicPagesTextsTest {

  @Test
  void shouldHaveEveryTextInPolishEnglishAndRussian() {
    assertThat(PublicPages.TEXTS).containsOnlyKeys("en", "pl", "ru");
    var keys = PublicPages.TEXTS.get("en").keySet();
    assertThat(keys).contains("surveyTitle", "returnTitle", "replacementTitle", "refusedUnknown", "submit");
    PublicPages.TEXTS.forEach((language, texts) -> {
      assertThat(texts.keySet()).as(language).isEqualTo(keys);
      assertThat(texts.get("lang")).isEqualTo(language);
      assertThat(texts.values()).as(language).noneMatch(String::isBlank);
    });
    assertThat(PublicPages.TEXTS.get("ru").get("surveyTitle")).isEqualTo("Как мы справились?");
    assertThat(PublicPages.TEXTS.get("pl").get("submit")).isEqualTo("Wyślij");
  }
}
