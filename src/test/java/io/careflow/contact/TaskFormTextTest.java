package io.careflow.contact;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The customer's message as a task form shows it fits Camunda's 4,000-character text variable,
 * keeping what the agent needs: the start of the message and the newest end of the conversation.
 */
class TaskFormTextTest {

  static final String HEAD = "EMAIL, received 2026-11-30 10:00\nSubject: Kettle\n\n";

  @Test
  void shouldKeepAShortMessageAndConversationWhole() {
    assertThat(TaskFormContextListener.fit(HEAD, "It broke.", "\n\nShop: Which one?\nCustomer: KET-200"))
        .isEqualTo(HEAD + "It broke.\n\nShop: Which one?\nCustomer: KET-200");
  }

  @Test
  void shouldShortenALongMessageAndKeepTheConversation() {
    String text = TaskFormContextListener.fit(HEAD, "a".repeat(100_000), "\n\nCustomer: the newest answer");
    assertThat(text).hasSizeLessThanOrEqualTo(TaskFormContextListener.MAX_FORM_TEXT)
        .startsWith(HEAD + "aaaa").contains(TaskFormContextListener.SHORTENED)
        .endsWith("\n\nCustomer: the newest answer");
  }

  @Test
  void shouldKeepTheNewestEndOfALongConversation() {
    String text = TaskFormContextListener.fit(HEAD, "It broke.", "\n\n" + "b".repeat(100_000) + "the newest answer");
    assertThat(text).hasSizeLessThanOrEqualTo(TaskFormContextListener.MAX_FORM_TEXT)
        .startsWith(HEAD + "It broke." + TaskFormContextListener.SHORTENED).endsWith("bbbthe newest answer");
  }

  @Test
  void shouldShareTheRoomWhenBothAreLong() {
    String text = TaskFormContextListener.fit(HEAD, "a".repeat(50_000), "\n\n" + "b".repeat(50_000) + "end");
    assertThat(text).hasSizeLessThanOrEqualTo(TaskFormContextListener.MAX_FORM_TEXT)
        .startsWith(HEAD + "aaaa").endsWith("bend");
    assertThat(text.chars().filter(c -> c == 'a').count()).isGreaterThan(1_000);
    assertThat(text.chars().filter(c -> c == 'b').count()).isGreaterThan(1_000);
  }
}
