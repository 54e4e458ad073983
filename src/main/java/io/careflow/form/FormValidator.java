package io.careflow.form;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The rules of a Camunda Form applied to the values of a completion, as form-js applies them
 * in Tasklist, so what the browser refuses the server refuses too:
 * <ul>
 *   <li>required: no value, a blank text, an unticked checkbox or an empty list is missing
 *       (form-js lets a text of spaces pass; the server does not);</li>
 *   <li>minLength / maxLength: of the text without surrounding spaces;</li>
 *   <li>min / max, decimalDigits, increment: of a number, also one given as text;</li>
 *   <li>pattern: the text contains a match, as form-js tests it ({@code RegExp.test}); a
 *       designer who means the whole value anchors the pattern with {@code ^…$};</li>
 *   <li>validationType email / phone: form-js's own expressions;</li>
 *   <li>select and radio: the value is one of the offered options; checklist and taglist:
 *       every value is; options written in the form or read from the {@code valuesKey}
 *       variable;</li>
 *   <li>datetime: a date {@code 2026-12-24}, a time {@code 14:30} or both
 *       {@code 2026-12-24T14:30}, with or without an offset, or a date value.</li>
 * </ul>
 * A field hidden by its {@code conditional.hide} (or its group's) is not checked — the agent
 * did not see it — nor is a readonly or disabled one: the agent could not change it. An
 * absent value that is not required is fine. Bounds given as FEEL and the hide conditions are
 * evaluated over the same values.
 */
@Component
public class FormValidator {

  static final String EMAIL = "email";
  static final String PHONE = "phone";

  /** form-js's e-mail rule. */
  static final Pattern EMAIL_PATTERN = Pattern.compile("^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9]"
      + "(?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$");

  /**
   * form-js's phone rule, copied from the form-js that Tasklist 7.24 ships: {@code +} or
   * {@code 00}, a country code of its list, then digits.
   */
  static final Pattern PHONE_PATTERN = Pattern.compile(resource("form-js-phone.regex"));

  private static final int OPTIONS_SHOWN = 10;

  private final FeelEvaluator feel;

  public FormValidator(FeelEvaluator feel) {
    this.feel = feel;
  }

  /**
   * @param values the value of each variable name (the form's keys, the names its FEEL uses,
   *               its {@code valuesKey}s); null when there is none
   * @return what is wrong, field by field in the order of the form; empty when all is well
   */
  public List<FormViolation> validate(CamundaForm form, Function<String, Object> values) {
    var violations = new ArrayList<FormViolation>();
    for (FormField field : form.fields()) {
      if (field.disabled() || isTrue(field.readonly().resolve(feel, values)) || hidden(field, values)) {
        continue;
      }
      String message = check(field, FormValues.plain(values.apply(field.key())), values);
      if (message != null) {
        violations.add(FormViolation.of(field, message));
      }
    }
    return violations;
  }

  private boolean hidden(FormField field, Function<String, Object> values) {
    for (String condition : field.hiddenWhen()) {
      try {
        if (isTrue(feel.evaluate(condition, values))) {
          return true;
        }
      } catch (RuntimeException e) {
        // form-js shows a field whose condition fails to evaluate
      }
    }
    return false;
  }

  private String check(FormField field, Object value, Function<String, Object> values) {
    if (missing(field, value)) {
      return field.rules().required() ? "is required" : null;
    }
    return switch (field.type()) {
      case TEXTFIELD, TEXTAREA -> text(field, value.toString(), values);
      case NUMBER -> number(field, value, values);
      case CHECKBOX -> value instanceof Boolean || "true".equals(value) || "false".equals(value)
          ? null : "must be true or false";
      case SELECT, RADIO -> oneOf(field, value, values);
      case CHECKLIST, TAGLIST -> allOf(field, value, values);
      case DATETIME -> datetime(field, value);
    };
  }

  /** Missing as form-js counts it: no value, an empty text or list, an unticked checkbox. */
  private static boolean missing(FormField field, Object value) {
    if (value == null) {
      return true;
    }
    if (value instanceof String text) {
      if (text.isBlank()) {
        return true;
      }
      if (field.type() == FieldType.CHECKBOX) {
        return text.equals("false");
      }
      List<?> list = field.type().multiple() ? FormValues.list(text) : null;
      return list != null && list.isEmpty();
    }
    if (value instanceof List<?> list) {
      return list.isEmpty();
    }
    return field.type() == FieldType.CHECKBOX && Boolean.FALSE.equals(value);
  }

  private String text(FormField field, String text, Function<String, Object> values) {
    var rules = field.rules();
    int length = text.strip().length();
    BigDecimal minLength = number(rules.minLength().resolve(feel, values));
    if (minLength != null && length < minLength.doubleValue()) {
      return "must be at least " + minLength.toPlainString() + " characters";
    }
    BigDecimal maxLength = number(rules.maxLength().resolve(feel, values));
    if (maxLength != null && length > maxLength.doubleValue()) {
      return "must be at most " + maxLength.toPlainString() + " characters";
    }
    if (rules.pattern() != null && !contains(rules.pattern(), text)) {
      return "must match the pattern " + rules.pattern();
    }
    if (EMAIL.equals(rules.validationType()) && !EMAIL_PATTERN.matcher(text).find()) {
      return "must be an e-mail address";
    }
    if (PHONE.equals(rules.validationType()) && !PHONE_PATTERN.matcher(text).find()) {
      return "must be an international phone number, e.g. +4930664040900";
    }
    return null;
  }

  private static boolean contains(String pattern, String text) {
    try {
      return Pattern.compile(pattern).matcher(text).find();
    } catch (PatternSyntaxException e) {
      // a broken pattern is a problem of the form (CamundaForms.problems), not of the agent
      return true;
    }
  }

  private String number(FormField field, Object value, Function<String, Object> values) {
    BigDecimal number = number(value);
    if (number == null) {
      return "must be a number";
    }
    var rules = field.rules();
    BigDecimal min = number(rules.min().resolve(feel, values));
    if (min != null && number.compareTo(min) < 0) {
      return "must be at least " + min.toPlainString();
    }
    BigDecimal max = number(rules.max().resolve(feel, values));
    if (max != null && number.compareTo(max) > 0) {
      return "must be at most " + max.toPlainString();
    }
    Integer digits = field.decimalDigits();
    if (digits != null && digits >= 0 && Math.max(number.stripTrailingZeros().scale(), 0) > digits) {
      return digits == 0 ? "must be a whole number" : "must have at most " + digits + " decimal digits";
    }
    BigDecimal step = field.increment();
    if (step != null && step.signum() > 0 && number.remainder(step).signum() != 0) {
      return "must be a multiple of " + step.toPlainString();
    }
    return null;
  }

  /** A number, or a text that is one (form-js compares numbers given as text as numbers). */
  static BigDecimal number(Object value) {
    if (value instanceof BigDecimal decimal) {
      return decimal;
    }
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      return Double.isFinite(d) ? BigDecimal.valueOf(d) : null;
    }
    if (value instanceof Number n) {
      return new BigDecimal(n.toString());
    }
    if (value instanceof String text) {
      try {
        return new BigDecimal(text.strip());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  private String oneOf(FormField field, Object value, Function<String, Object> values) {
    List<Object> options = options(field, values);
    return offered(options, value) ? null : "must be one of the offered values: " + shown(options);
  }

  private String allOf(FormField field, Object value, Function<String, Object> values) {
    List<?> chosen = FormValues.list(value);
    if (chosen == null) {
      return "must be a list of the offered values";
    }
    List<Object> options = options(field, values);
    var unknown = chosen.stream().filter(v -> !offered(options, v)).map(String::valueOf).toList();
    return unknown.isEmpty() ? null
        : String.join(", ", unknown) + (unknown.size() == 1 ? " is" : " are") + " not among the offered values: "
            + shown(options);
  }

  private static List<Object> options(FormField field, Function<String, Object> values) {
    if (field.values() != null) {
      return field.values();
    }
    return field.valuesKey() == null ? List.of() : FormValues.options(values.apply(field.valuesKey()));
  }

  /** The same value: texts as written, numbers by value (a select may offer 1 and get "1"). */
  private static boolean offered(List<Object> options, Object value) {
    for (Object option : options) {
      if (Objects.equals(option, value) || Objects.equals(String.valueOf(option), String.valueOf(value))) {
        return true;
      }
      BigDecimal a = option instanceof String ? null : number(option);
      BigDecimal b = value instanceof String ? null : number(value);
      if (a != null && b != null && a.compareTo(b) == 0) {
        return true;
      }
    }
    return false;
  }

  private static String shown(List<Object> options) {
    if (options.isEmpty()) {
      return "none";
    }
    String listed = options.stream().limit(OPTIONS_SHOWN).map(String::valueOf).collect(Collectors.joining(", "));
    return options.size() > OPTIONS_SHOWN ? listed + ", …" : listed;
  }

  private static String datetime(FormField field, Object value) {
    if (field.subtype() == null) {
      return null;
    }
    if (value instanceof Date) {
      return field.subtype().equals("time") ? "must be a time like 14:30" : null;
    }
    String text = value.toString().strip();
    return switch (field.subtype()) {
      case "date" -> parses(text, LocalDate::parse) ? null : "must be a date like 2026-12-24";
      case "time" -> parses(text, LocalTime::parse) || parses(text, OffsetTime::parse)
          ? null : "must be a time like 14:30";
      default -> parses(text, LocalDateTime::parse) || parses(text, OffsetDateTime::parse)
          ? null : "must be a date and time like 2026-12-24T14:30";
    };
  }

  private static boolean parses(String text, Function<String, ?> parser) {
    try {
      parser.apply(text);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private static String resource(String name) {
    try (InputStream in = FormValidator.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("Missing " + name + " beside " + FormValidator.class.getName());
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean isTrue(Object value) {
    return Boolean.TRUE.equals(value) || "true".equals(value);
  }
}
