package io.careflow.publicpages;

import static org.assertj.core.api.Assertions.assertThat;

import io.careflow.system.TextFiles;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The customers' pages read their texts from templates/public/texts_<lang>.properties: every language says everything. */
class PublicPagesTextsTest {

  @Test
  void shouldHaveEveryTextInPolishEnglishAndRussian() {
    var texts = PublicPages.texts(new TextFiles(List.of("classpath:/templates/")));
    assertThat(texts).containsOnlyKeys("en", "pl", "ru");
    var keys = texts.get("en").keySet();
    assertThat(keys).contains("surveyTitle", "returnTitle", "replacementTitle", "refusedUnknown", "submit");
    texts.forEach((language, words) -> {
      assertThat(words.keySet()).as(language).isEqualTo(keys);
      assertThat(words.get("lang")).isEqualTo(language);
      assertThat(words.values()).as(language).noneMatch(String::isBlank);
    });
    assertThat(texts.get("ru").get("surveyTitle")).isEqualTo("Как мы справились?");
    assertThat(texts.get("pl").get("submit")).isEqualTo("Wyślij");
  }
}
