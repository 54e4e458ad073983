package io.careflow.casefile;

/** Where a case is found in careflow's pages: its path, for links from forms, records and searches. */
public final class CasePaths {

  private CasePaths() {}

  /** The case page of the contact: what happened so far, on the diagram, with the conversation. */
  public static String page(String contactId) {
    return "/cases/" + contactId;
  }
}
