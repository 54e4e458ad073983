package io.careflow.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Blocks of fields kept once in {@code forms/blocks/} and filled into the forms that name them. */
class FormBlocksTest {

  static final String FORM = """
      {"id": "talk", "components": [
        {"id": "field_reply", "type": "textarea", "key": "replyText"},
        {"id": "group_steps", "type": "group", "label": "Steps", "properties": {"block": "steps"}, "components": []}]}""";
  static final String BLOCK = """
      {"id": "steps", "perTask": true, "components": [
        {"id": "field_listen", "type": "radio", "key": "listen", "label": "Listened",
         "values": [{"label": "Done", "value": "DONE"}], "validate": {"required": true}}]}""";
  static final Function<String, Optional<String>> BLOCKS = name -> Optional.ofNullable(Map.of("steps", BLOCK).get(name));

  @Test
  void shouldFillTheNamedGroupWithTheBlocksFieldsAndChangeNothingTheSecondTime() {
    String filled = FormBlocks.expand(FORM, BLOCKS);
    CamundaForm form = CamundaForms.parse(filled);

    assertThat(form.fields()).extracting(FormField::key).containsExactly("replyText", "listen");
    assertThat(form.perTask()).singleElement().satisfies(group -> {
      assertThat(group.label()).isEqualTo("Steps");
      assertThat(group.fields()).extracting(FormField::key).containsExactly("listen");
    });
    assertThat(FormBlocks.expand(filled, BLOCKS)).isEqualTo(filled);
    assertThat(CamundaForms.problems(filled)).isEmpty();
  }

  @Test
  void shouldLeaveAFormThatNamesNoBlockAsItIs() {
    byte[] plain = "{\"id\": \"plain\", \"components\": []}".getBytes(StandardCharsets.UTF_8);
    assertThat(FormBlocks.expand(plain, BLOCKS)).isSameAs(plain);
    assertThat(FormBlocks.expand("not json", BLOCKS)).isEqualTo("not json");
  }

  @Test
  void shouldRefuseAFormNamingABlockThatIsMissingOrBroken() {
    assertThatThrownBy(() -> FormBlocks.expand(FORM.replace("\"steps\"", "\"chat\""), BLOCKS))
        .isInstanceOf(IllegalArgumentException.class).hasMessage(
            "Form talk names block chat, which careflow does not have (forms/blocks/chat.json)");
    assertThatThrownBy(() -> FormBlocks.expand(FORM, name -> Optional.of("[]")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no JSON object with components");
  }

  @Test
  void shouldReadCareflowsOwnBlocksAndNothingOutsideTheirFolder() {
    assertThat(FormBlocks.fromClasspath("conversation-algorithm")).hasValueSatisfying(block ->
        assertThat(block).contains("dialogueListen", "dialogueSkippedReason"));
    assertThat(FormBlocks.fromClasspath("../talk-with-customer")).isEmpty();
  }
}
