package io.careflow.files;

/** Descriptor of {@code processes/customer-notice.bpmn}: key, element ids, variables. */
public final class FilesRefusedProcess {

  public static final String KEY = "customer-notice";
  /** The ids of the case's files kept out ({@code message_attachment}), comma-separated. */
  public static final String REFUSED_FILE_IDS = "refusedFileIds";

  public static final class Elements {
    public static final String START_FILES_REFUSED = "start_files_refused";
    public static final String SERVICE_TELL_FILES_REFUSED = "service_tell_files_refused";
    public static final String END_CUSTOMER_TOLD = "end_customer_told";

    private Elements() {}
  }

  private FilesRefusedProcess() {}
}
