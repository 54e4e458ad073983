package io.careflow.customer;

import java.time.Instant;

/** A fact the customer shared (family, job, holidays, preferences), written by an agent (SPEC R1). */
public record Note(String id, String customerId, String contactId, String text, String author, Instant createdAt) {

  /** The longest note, in the API and in the task forms' {@code newNote} field alike. */
  public static final int MAX_TEXT = 2000;
}
