package io.careflow.form;

import static org.assertj.core.api.Assertions.assertThat;

import io.careflow.communication.ReplyStep;
import io.careflow.followup.PlanFollowUpListener;
import io.careflow.protocol.defect.DefectReplacementProcess;
import io.careflow.routing.Routing;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.spin.Spin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rule of a Camunda Form as the server applies it, one row per case: the field as the
 * form declares it, the values of the completion, and what is refused (nothing when empty).
 */
class FormValidatorTest {

  static final FormValidator VALIDATOR = new FormValidator(EngineFeel.standalone());

  static final String REPLY = """
      {"id": "reply", "label": "Reply", "type": "textarea", "key": "reply", "validate": {"required": true}}""";
  static final String NOTE = """
      {"id": "note", "label": "Note", "type": "textfield", "key": "note",
       "validate": {"minLength": 3, "maxLength": 5}}""";
  static final String AMOUNT = """
      {"id": "amount", "label": "Compensation amount", "type": "number", "key": "compensationAmount",
       "decimalDigits": 2, "validate": {"min": 0, "max": 500}}""";
  static final String PIECES = """
      {"id": "pieces", "label": "Pieces", "type": "number", "key": "pieces", "decimalDigits": 0, "increment": 2}""";
  static final String SKU = """
      {"id": "sku", "label": "SKU", "type": "textfield", "key": "sku", "validate": {"pattern": "^[A-Z]{3}-[0-9]+$"}}""";
  static final String DIGITS = """
      {"id": "digits", "label": "Has a digit", "type": "textfield", "key": "digits", "validate": {"pattern": "[0-9]"}}""";
  static final String EMAIL = """
      {"id": "email", "label": "E-mail", "type": "textfield", "key": "email", "validate": {"validationType": "email"}}""";
  static final String PHONE = """
      {"id": "phone", "label": "Phone", "type": "textfield", "key": "phone", "validate": {"validationType": "phone"}}""";
  static final String LEVEL = """
      {"id": "level", "label": "How unhappy", "type": "select", "key": "dissatisfaction",
       "values": [{"label": "Low", "value": "LOW"}, {"label": "High", "value": "HIGH"}]}""";
  static final String DECISION = """
      {"id": "decision", "label": "Decision", "type": "radio", "key": "reviewDecision", "validate": {"required": true},
       "values": [{"label": "Approve", "value": "APPROVE"}, {"label": "Reject", "value": "REJECT"}]}""";
  static final String REASON = """
      {"id": "reason", "label": "Reason", "type": "textarea", "key": "rejectionReason", "validate": {"required": true},
       "conditional": {"hide": "=reviewDecision != \\"REJECT\\""}}""";
  static final String STEPS = """
      {"id": "steps", "label": "Steps", "type": "checklist", "key": "steps", "validate": {"required": true},
       "values": [{"label": "Listen", "value": "LISTEN"}, {"label": "Explain", "value": "EXPLAIN"}]}""";
  static final String TAGS = """
      {"id": "tags", "label": "Tags", "type": "taglist", "key": "tags", "valuesKey": "knownTags"}""";
  static final String AGREED = """
      {"id": "agreed", "label": "Item arrived", "type": "checkbox", "key": "itemReceived", "validate": {"required": true}}""";
  static final String DAY = """
      {"id": "day", "type": "datetime", "subtype": "date", "dateLabel": "On (day)", "key": "followUpDate"}""";
  static final String AT = """
      {"id": "at", "type": "datetime", "subtype": "time", "timeLabel": "At", "key": "at",
       "timeSerializingFormat": "utc_offset"}""";
  static final String WHEN = """
      {"id": "when", "type": "datetime", "subtype": "datetime", "dateLabel": "Next attempt", "key": "nextAttemptAt"}""";
  static final String PRODUCT = """
      {"id": "product", "label": "Product", "type": "select", "key": "productSku", "valuesKey": "products",
       "validate": {"required": true}}""";
  static final String SHOWN_REQUIRED = """
      {"id": "summary", "label": "Summary", "type": "textarea", "key": "summary", "readonly": true,
       "validate": {"required": true, "maxLength": 3}}""";
  static final String READONLY_BY_FEEL = """
      {"id": "amountByLead", "label": "Amount", "type": "number", "key": "approvedAmount", "readonly": "=locked",
       "validate": {"max": 10}}""";
  static final String DISABLED = """
      {"id": "old", "label": "Old", "type": "textfield", "key": "old", "disabled": true, "validate": {"required": true}}""";
  static final String LIMITED = """
      {"id": "limited", "label": "Limited", "type": "textfield", "key": "limited", "validate": {"maxLength": "=limit"}}""";
  static final String GROUP = """
      {"id": "group_refund", "type": "group", "label": "Refund", "conditional": {"hide": "=resolution != \\"REFUND\\""},
       "components": [{"id": "iban", "label": "IBAN", "type": "textfield", "key": "iban",
                       "validate": {"required": true}}]}""";

  static Stream<Arguments> rules() {
    return Stream.of(
        row("required: no value", REPLY, Map.of(), "Reply: is required"),
        row("required: a text of spaces is no answer", REPLY, Map.of("reply", "   "), "Reply: is required"),
        row("required: a text", REPLY, Map.of("reply", "Two days."), null),
        row("required: an unticked checkbox", AGREED, Map.of("itemReceived", false),
            "Item arrived: is required"),
        row("required: a ticked checkbox", AGREED, Map.of("itemReceived", true), null),
        row("checkbox: not a yes or no", AGREED, Map.of("itemReceived", "maybe"),
            "Item arrived: must be true or false"),
        row("required: an empty list", STEPS, Map.of("steps", List.of()), "Steps: is required"),
        row("absent and not required is fine", NOTE, Map.of(), null),
        row("minLength: counted without surrounding spaces", NOTE, Map.of("note", "  ab  "),
            "Note: must be at least 3 characters"),
        row("maxLength", NOTE, Map.of("note", "abcdef"), "Note: must be at most 5 characters"),
        row("maxLength: surrounding spaces do not count", NOTE, Map.of("note", " abcde  "), null),
        row("maxLength given as FEEL", LIMITED, Map.of("limited", "abcd", "limit", 3),
            "Limited: must be at most 3 characters"),
        row("max", AMOUNT, Map.of("compensationAmount", 500.01),
            "Compensation amount: must be at most 500"),
        row("max: a number given as text", AMOUNT, Map.of("compensationAmount", "501"),
            "Compensation amount: must be at most 500"),
        row("min", AMOUNT, Map.of("compensationAmount", -1), "Compensation amount: must be at least 0"),
        row("within the bounds, as text with trailing zeros", AMOUNT, Map.of("compensationAmount", "150.00"), null),
        row("within the bounds, as an integer", AMOUNT, Map.of("compensationAmount", 500), null),
        row("a number field holding no number", AMOUNT, Map.of("compensationAmount", "a lot"),
            "Compensation amount: must be a number"),
        row("decimalDigits", AMOUNT, Map.of("compensationAmount", 1.234),
            "Compensation amount: must have at most 2 decimal digits"),
        row("decimalDigits 0", PIECES, Map.of("pieces", "2.5"), "Pieces: must be a whole number"),
        row("increment", PIECES, Map.of("pieces", 3), "Pieces: must be a multiple of 2"),
        row("increment: a multiple", PIECES, Map.of("pieces", 4L), null),
        row("pattern: anchored by the designer", SKU, Map.of("sku", "KET-200 and more"),
            "SKU: must match the pattern ^[A-Z]{3}-[0-9]+$"),
        row("pattern: matching", SKU, Map.of("sku", "KET-200"), null),
        row("pattern: found anywhere in the value, as form-js tests it", DIGITS, Map.of("digits", "room 12"), null),
        row("pattern: not found", DIGITS, Map.of("digits", "none"), "Has a digit: must match the pattern [0-9]"),
        row("email", EMAIL, Map.of("email", "jan@"), "E-mail: must be an e-mail address"),
        row("email: valid", EMAIL, Map.of("email", "jan.kowalski@example.com"), null),
        row("phone", PHONE, Map.of("phone", "030 664040900"),
            "Phone: must be an international phone number, e.g. +4930664040900"),
        row("phone: international", PHONE, Map.of("phone", "+48602111222"), null),
        row("select: not offered", LEVEL, Map.of("dissatisfaction", "FURIOUS"),
            "How unhappy: must be one of the offered values: LOW, HIGH"),
        row("select: offered", LEVEL, Map.of("dissatisfaction", "HIGH"), null),
        row("radio: not offered", DECISION, Map.of("reviewDecision", "MAYBE"),
            "Decision: must be one of the offered values: APPROVE, REJECT"),
        row("checklist: one value not offered", STEPS, Map.of("steps", List.of("LISTEN", "SHOUT")),
            "Steps: SHOUT is not among the offered values: LISTEN, EXPLAIN"),
        row("checklist: all offered", STEPS, Map.of("steps", List.of("LISTEN", "EXPLAIN")), null),
        row("checklist: sent as JSON text", STEPS, Map.of("steps", "[\"EXPLAIN\"]"), null),
        row("checklist: sent as Json (Spin), as Tasklist does", STEPS, Map.of("steps", Spin.JSON("[\"SHOUT\"]")),
            "Steps: SHOUT is not among the offered values: LISTEN, EXPLAIN"),
        row("checklist: one value instead of a list", STEPS, Map.of("steps", "LISTEN"),
            "Steps: must be a list of the offered values"),
        row("date", DAY, Map.of("followUpDate", "2026-12-24"), null),
        row("date: not a date", DAY, Map.of("followUpDate", "24.12.2026"),
            "On (day): must be a date like 2026-12-24"),
        row("time with offset", AT, Map.of("at", "14:30+01:00"), null),
        row("time: not a time", AT, Map.of("at", "25:00"), "At: must be a time like 14:30"),
        row("datetime without offset", WHEN, Map.of("nextAttemptAt", "2026-12-24T14:30"), null),
        row("datetime normalized to UTC", WHEN, Map.of("nextAttemptAt", "2026-12-24T13:30Z"), null),
        row("datetime: only a date", WHEN, Map.of("nextAttemptAt", "2026-12-24"),
            "Next attempt: must be a date and time like 2026-12-24T14:30"),
        row("datetime: a Date value", WHEN, Map.of("nextAttemptAt", new java.util.Date()), null),
        row("conditional hide: hidden while not rejecting", REASON, Map.of("reviewDecision", "APPROVE"), null),
        row("conditional hide: hidden before a decision (null != \"REJECT\")", REASON, Map.of(), null),
        row("conditional hide: shown when rejecting", REASON, Map.of("reviewDecision", "REJECT"),
            "Reason: is required"),
        row("conditional hide of a group hides its fields", GROUP, Map.of("resolution", "REPAIR"), null),
        row("fields of a shown group are checked", GROUP, Map.of("resolution", "REFUND"), "IBAN: is required"),
        row("readonly: not checked, the agent cannot change it", SHOWN_REQUIRED, Map.of(), null),
        row("readonly by FEEL: true", READONLY_BY_FEEL, Map.of("approvedAmount", 99, "locked", true), null),
        row("readonly by FEEL: false", READONLY_BY_FEEL, Map.of("approvedAmount", 99, "locked", false),
            "Amount: must be at most 10"),
        row("disabled: not checked", DISABLED, Map.of(), null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void shouldApplyTheRulesOfTheForm(String rule, String component, Map<String, Object> values, String refused) {
    var violations = VALIDATOR.validate(form(component), values::get);

    if (refused == null) {
      assertThat(violations).isEmpty();
    } else {
      assertThat(violations).extracting(FormViolation::toString).containsExactly(refused);
    }
  }

  static Stream<Arguments> valuesKeyOptions() {
    String offered = "[{\"label\": \"Kettle\", \"value\": \"KET-200\"}, {\"label\": \"Toaster\", \"value\": \"TOA-1\"}]";
    var listOfMaps = List.of(Map.of("label", "Kettle", "value", "KET-200"), Map.of("label", "Toaster", "value", "TOA-1"));
    return Stream.of(
        Arguments.of("Json variable (Spin)", Spin.JSON(offered)),
        Arguments.of("JSON text", offered),
        Arguments.of("Object variable in application/json: a Java list of maps", listOfMaps),
        Arguments.of("a list of plain values, each its own label", List.of("KET-200", "TOA-1")),
        Arguments.of("Json list of plain values", Spin.JSON("[\"KET-200\", \"TOA-1\"]")));
  }

  @ParameterizedTest(name = "valuesKey: {0}")
  @MethodSource("valuesKeyOptions")
  void shouldReadTheOptionsOfAValuesKey(String held, Object products) {
    var values = new HashMap<String, Object>(Map.of("products", products));

    values.put("productSku", "KET-200");
    assertThat(VALIDATOR.validate(form(PRODUCT), values::get)).isEmpty();

    values.put("productSku", "SOFA-9");
    assertThat(VALIDATOR.validate(form(PRODUCT), values::get)).extracting(FormViolation::toString)
        .containsExactly("Product: must be one of the offered values: KET-200, TOA-1");
  }

  @Test
  void shouldOfferNothingWhenTheValuesKeyHoldsNoOptions() {
    assertThat(VALIDATOR.validate(form(PRODUCT), Map.<String, Object>of("productSku", "KET-200")::get))
        .extracting(FormViolation::toString)
        .containsExactly("Product: must be one of the offered values: none");
    assertThat(VALIDATOR.validate(form(TAGS), Map.<String, Object>of("tags", List.of("x"), "knownTags", "x")::get))
        .extracting(FormViolation::toString)
        .containsExactly("Tags: x is not among the offered values: none");
  }

  @Test
  void shouldNameEveryBadFieldInOneMessage() {
    String topic = """
        {"id": "topic", "label": "Topic", "type": "select", "key": "topicHint", "validate": {"required": true},
         "values": [{"label": "Inquiry", "value": "INQUIRY"}]}""";

    var violations = VALIDATOR.validate(form(topic, REPLY, AMOUNT, LEVEL),
        Map.<String, Object>of("reply", "fine", "compensationAmount", 501, "dissatisfaction", "HIGH")::get);

    assertThat(FormViolation.describe(violations))
        .isEqualTo("Topic: is required; Compensation amount: must be at most 500");
    assertThat(violations).extracting(FormViolation::key).containsExactly("topicHint", "compensationAmount");
  }

  @Test
  void shouldCheckTheFormsOfCareflowAsTheyAreDeployed() {
    CamundaForm form = deployed("answer-customer");

    assertThat(form.id()).isEqualTo("answer-customer");
    assertThat(form.fields()).extracting(FormField::key).contains(ReplyStep.REPLY_TEXT, ReplyStep.REPLY_KIND, PlanFollowUpListener.TYPE,
        "followUpDate", Routing.FORM_ROUTING_REASON);
    assertThat(VALIDATOR.validate(form, Map.<String, Object>of(ReplyStep.REPLY_KIND, "SHOUT", PlanFollowUpListener.TYPE, "NONE")::get))
        .extracting(FormViolation::toString).containsExactly(
            "Your reply to the customer: is required",
            "This message is: must be one of the offered values: ANSWER, QUESTION");
  }

  /** A reason is asked for, and required, only when the request is rejected: the customer is told it. */
  @Test
  void shouldRequireTheReasonOfARejectedReplacementOnly() {
    CamundaForm form = deployed("review-replacement-request");
    var values = new HashMap<String, Object>(Map.of(PlanFollowUpListener.TYPE, "NONE", "reviewDecision", "APPROVE"));

    assertThat(VALIDATOR.validate(form, values::get)).isEmpty();
    values.put("reviewDecision", "REJECT");
    assertThat(VALIDATOR.validate(form, values::get)).extracting(FormViolation::toString)
        .containsExactly("Reason (told to the customer): is required");
  }

  /** Why steps of the conversation were skipped is asked for once one is; the fault when the agent registers. */
  @Test
  void shouldRequireWhyAStepWasSkippedAndTheFaultTheAgentRegisters() {
    CamundaForm form = deployed("talk-with-customer");
    var values = new HashMap<String, Object>(Map.of(ReplyStep.REPLY_TEXT, "We replace it.", DefectReplacementProcess.REGISTERED_BY, "CUSTOMER"));
    for (String step : List.of(DefectReplacementProcess.DIALOGUE_LISTEN, DefectReplacementProcess.DIALOGUE_EMPATHY, DefectReplacementProcess.DIALOGUE_EXPLAIN, DefectReplacementProcess.DIALOGUE_STATE_ACTION,
        DefectReplacementProcess.DIALOGUE_CHECK_CONVENIENT, DefectReplacementProcess.DIALOGUE_OFFER_HELP, DefectReplacementProcess.DIALOGUE_NEXT_STEPS)) {
      values.put(step, "DONE");
    }
    assertThat(VALIDATOR.validate(form, values::get)).isEmpty();

    values.put(DefectReplacementProcess.DIALOGUE_EXPLAIN, "SKIPPED");
    values.put(DefectReplacementProcess.REGISTERED_BY, "AGENT");
    assertThat(VALIDATOR.validate(form, values::get)).extracting(FormViolation::toString).containsExactly(
        "Why steps were skipped: is required", "The fault: is required");
  }

  /** The form as careflow deploys it: with its blocks' fields. */
  private static CamundaForm deployed(String name) {
    try (var in = FormValidatorTest.class.getResourceAsStream("/forms/" + name + ".form")) {
      return CamundaForms.parse(FormBlocks.expand(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8),
          FormBlocks::fromClasspath));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static CamundaForm form(String... components) {
    return CamundaForms.parse("{\"id\": \"test\", \"components\": [" + String.join(",", Arrays.asList(components)) + "]}");
  }

  private static Arguments row(String rule, String component, Map<String, Object> values, String refused) {
    return Arguments.of(rule, component, values, refused);
  }
}
