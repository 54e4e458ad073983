package io.careflow.communication;

/**
 * Variables of the reply step every protocol uses: the agent types {@code replyText} in
 * the task form; {@link RecordReplyListener} stores it as a message and leaves only its
 * id ({@code replyMessageId}) in the process; {@link SendReplyDelegate} sends it.
 */
public final class ReplyStep {

  public static final String REPLY_TEXT = "replyText";
  /** ANSWER (default) or QUESTION: a question stops the reply clock until the customer answers. */
  public static final String REPLY_KIND = "replyKind";
  public static final String REPLY_MESSAGE_ID = "replyMessageId";
  /**
   * The phone-answer block's field ({@code forms/blocks/phone-answer.json}) on a PHONE contact:
   * {@code REACHED} (the agent said the reply on the phone) or {@code NOT_REACHED} (a text, with consent).
   */
  public static final String ANSWER_CALL_OUTCOME = "answerCallOutcome";
  public static final int MAX_REPLY_LENGTH = 10_000;

  private ReplyStep() {}
}
