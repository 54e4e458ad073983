package io.careflow.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What a deployment check learns from {@link CamundaForms#problems}: a malformed form, or a
 * rule the server cannot enforce, one row per kind; and how {@link CamundaForms#parse} reads
 * the rest.
 */
class CamundaFormsTest {

  static Stream<Arguments> problems() {
    return Stream.of(
        row("not JSON", "{\"id\": \"x\", ", "form: is not a JSON object"),
        row("JSON but no object", "[]", "form: is not a JSON object"),
        row("no id", "{\"components\": []}",
            "form: has no id: a user task's camunda:formRef names a form by its id"),
        row("a field without key", form("{\"id\": \"f1\", \"type\": \"textfield\", \"label\": \"Name\"}"),
            "f1: has no key: its value is stored nowhere"),
        row("a dynamic list", form("{\"id\": \"items\", \"type\": \"dynamiclist\", \"path\": \"items\", \"components\": []}"),
            "items: a dynamic list repeats its fields; the server does not check them"),
        row("a group with a path", form("{\"id\": \"address\", \"type\": \"group\", \"path\": \"address\", "
            + "\"components\": [{\"id\": \"street\", \"type\": \"textfield\", \"key\": \"street\"}]}"),
            "address: a group with a path nests its values in an object; the server does not check its fields"),
        row("valuesExpression", form("{\"id\": \"sku\", \"type\": \"select\", \"key\": \"sku\", "
            + "\"valuesExpression\": \"=products\"}"),
            "sku: options from valuesExpression are not checked on the server; use values or valuesKey"),
        row("an invalid pattern", form("{\"id\": \"code\", \"type\": \"textfield\", \"key\": \"code\", "
            + "\"validate\": {\"pattern\": \"[A-Z\"}}"),
            "code: pattern [A-Z is no valid regular expression: Unclosed character class"),
        row("a select without options", form("{\"id\": \"level\", \"type\": \"select\", \"key\": \"level\"}"),
            "level: offers no options: give values or valuesKey"),
        row("a radio without options", form("{\"id\": \"kind\", \"type\": \"radio\", \"key\": \"kind\"}"),
            "kind: offers no options: give values or valuesKey"),
        row("a nested key", form("{\"id\": \"city\", \"type\": \"textfield\", \"key\": \"address.city\"}"),
            "city: key address.city nests the value in an object; the server does not check it"),
        row("a key used twice", form("{\"id\": \"a\", \"type\": \"textfield\", \"key\": \"note\"}",
            "{\"id\": \"b\", \"type\": \"textarea\", \"key\": \"note\"}"), "b: key note is used by another field"),
        row("an unknown type", form("{\"id\": \"upload\", \"type\": \"filepicker\", \"key\": \"file\"}"),
            "upload: type filepicker is unknown to the server and not checked"),
        row("a hide condition that is no expression", form("{\"id\": \"n\", \"type\": \"textfield\", \"key\": \"n\", "
            + "\"conditional\": {\"hide\": \"kind == 'A'\"}}"),
            "n: conditional.hide is no FEEL expression (starting with =); the component is always shown"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("problems")
  void shouldNameWhatTheServerCannotEnforce(String why, String json, String problem) {
    assertThat(CamundaForms.problems(json)).extracting(FormProblem::toString).containsExactly(problem);
  }

  @Test
  void shouldFindNothingWrongInAFormTheServerEnforcesWhole() {
    String json = form(
        "{\"id\": \"t\", \"type\": \"text\", \"text\": \"# Hello\"}",
        "{\"id\": \"g\", \"type\": \"group\", \"components\": [{\"id\": \"s\", \"type\": \"select\", \"key\": \"s\", "
            + "\"valuesKey\": \"options\"}]}",
        "{\"id\": \"b\", \"type\": \"button\", \"action\": \"submit\"}");

    assertThat(CamundaForms.problems(json)).isEmpty();
  }

  /** The deployed forms of careflow are enforced whole: a problem here is a rule that holds only in the browser. */
  @Test
  void shouldFindNothingWrongInCareflowsForms() throws IOException {
    try (Stream<Path> forms = Files.list(Path.of("forms"))) {
      forms.filter(f -> f.toString().endsWith(".form")).forEach(f -> {
        try {
          assertThat(CamundaForms.problems(Files.readString(f, StandardCharsets.UTF_8))).as(f.toString()).isEmpty();
        } catch (IOException e) {
          throw new AssertionError(e);
        }
      });
    }
  }

  @Test
  void shouldReadFieldsNestedInGroupsAndLeaveOutDisplayOnlyComponents() {
    CamundaForm form = CamundaForms.parse("{\"id\": \"f\", \"components\": ["
        + "{\"id\": \"t\", \"type\": \"text\", \"text\": \"Hi\"},"
        + "{\"id\": \"img\", \"type\": \"image\", \"source\": \"x.png\"},"
        + "{\"id\": \"g\", \"type\": \"group\", \"conditional\": {\"hide\": \"=a\"}, \"components\": ["
        + "  {\"id\": \"inner\", \"type\": \"number\", \"key\": \"n\", \"label\": \"N\", \"decimalDigits\": 1,"
        + "   \"conditional\": {\"hide\": \"=b\"}, \"validate\": {\"min\": 1, \"max\": \"=top\"}}]},"
        + "{\"id\": \"d\", \"type\": \"datetime\", \"subtype\": \"datetime\", \"dateLabel\": \"Day\", \"key\": \"at\"}]}");

    assertThat(form.fields()).hasSize(2);
    FormField number = form.fields().get(0);
    assertThat(number.key()).isEqualTo("n");
    assertThat(number.type()).isEqualTo(FieldType.NUMBER);
    assertThat(number.hiddenWhen()).containsExactly("a", "b");
    assertThat(number.decimalDigits()).isEqualTo(1);
    assertThat(number.rules().max().expression()).isEqualTo("top");
    FormField at = form.fields().get(1);
    assertThat(at.label()).isEqualTo("Day");
    assertThat(at.subtype()).isEqualTo("datetime");
  }

  @Test
  void shouldRefuseToParseWhatIsNoForm() {
    assertThatThrownBy(() -> CamundaForms.parse("not json")).isInstanceOf(IllegalArgumentException.class);
  }

  static String form(String... components) {
    return "{\"id\": \"test\", \"components\": [" + String.join(",", components) + "]}";
  }

  private static Arguments row(String why, String json, String problem) {
    return Arguments.of(why, json, problem);
  }
}
