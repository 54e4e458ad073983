package io.careflow.form;

import java.math.BigDecimal;
import java.util.List;

/**
 * One input of a Camunda Form, as far as the server checks it.
 *
 * @param id            the component's id in the form (for problems and messages)
 * @param key           the variable the value is stored in
 * @param label         what the agent reads next to the field (the key when the form gives none)
 * @param type          the kind of input
 * @param readonly      shown but not edited by the agent ({@code readonly}: true or FEEL)
 * @param disabled      shown greyed out; form-js neither edits nor submits it
 * @param rules         the form's {@code validate} block
 * @param decimalDigits numbers: at most this many digits after the point, null for any
 * @param increment     numbers: the value is a multiple of this step, null for any
 * @param values        select, radio, checklist, taglist: the offered option values written in
 *                      the form, null when the options come from elsewhere
 * @param valuesKey     the variable holding the offered options, or null
 * @param subtype       datetime: {@code date}, {@code time} or {@code datetime}
 * @param hiddenWhen    FEEL conditions ({@code conditional.hide}) of the field and of the
 *                      groups around it: when one is true the agent does not see the field
 */
public record FormField(
    String id,
    String key,
    String label,
    FieldType type,
    Setting readonly,
    boolean disabled,
    Rules rules,
    Integer decimalDigits,
    BigDecimal increment,
    List<Object> values,
    String valuesKey,
    String subtype,
    List<String> hiddenWhen) {

  /**
   * A field's {@code validate} block.
   *
   * @param pattern        a regular expression the text must contain a match of, or null
   * @param validationType {@code email}, {@code phone} or null
   */
  public record Rules(boolean required, Setting minLength, Setting maxLength, Setting min, Setting max,
      String pattern, String validationType) {

    static final Rules NONE = new Rules(false, Setting.NONE, Setting.NONE, Setting.NONE, Setting.NONE, null, null);
  }
}
