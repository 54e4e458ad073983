package io.careflow.form;

import java.util.Arrays;
import java.util.Optional;

/** The form-js components that hold a value under their {@code key}: the ones the server checks. */
public enum FieldType {
  TEXTFIELD("textfield"),
  TEXTAREA("textarea"),
  NUMBER("number"),
  CHECKBOX("checkbox"),
  CHECKLIST("checklist"),
  RADIO("radio"),
  SELECT("select"),
  TAGLIST("taglist"),
  DATETIME("datetime");

  private final String json;

  FieldType(String json) {
    this.json = json;
  }

  /** The name of the type in the form's JSON. */
  public String json() {
    return json;
  }

  /** The value is chosen from offered options ({@code values} or {@code valuesKey}). */
  public boolean offersOptions() {
    return this == RADIO || this == SELECT || this == CHECKLIST || this == TAGLIST;
  }

  /** The value is a list of options rather than one. */
  public boolean multiple() {
    return this == CHECKLIST || this == TAGLIST;
  }

  public boolean text() {
    return this == TEXTFIELD || this == TEXTAREA;
  }

  static Optional<FieldType> of(String json) {
    return Arrays.stream(values()).filter(t -> t.json.equals(json)).findFirst();
  }
}
