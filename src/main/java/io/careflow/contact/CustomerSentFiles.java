package io.careflow.contact;

import java.util.List;

/**
 * Files that came with a new contact through the intake API, published in the contact's
 * transaction before its process starts: the files feature keeps them (or keeps them out with
 * why) in the same transaction, so a failure leaves neither contact nor files.
 */
public record CustomerSentFiles(String contactId, List<File> files, String actor) {

  /** One file as the channel pushed it, its content decoded. */
  public record File(String name, String contentType, byte[] content) {}
}
