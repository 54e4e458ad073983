package io.careflow.contact;

/** The reason of a contact; each has its protocol (SPEC R3). */
public enum Topic {
  COMPLAINT, DEFECT, RETURN, INQUIRY
}
