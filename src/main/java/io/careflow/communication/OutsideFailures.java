package io.careflow.communication;

import org.springframework.mail.MailException;

/**
 * Which failures of a sending step careflow expects from the outside world — the mail server
 * down or refusing, a channel's webhook refusing or unreachable, a message with no way out — and
 * how to say one in a line. These are not defects of careflow: the step retries and, after its
 * last attempt, raises an incident. Everything else is unexpected and keeps its stack trace.
 */
public final class OutsideFailures {

  private static final int MAX_LENGTH = 400;

  private OutsideFailures() {}

  /** True when {@code failure} (or one of its causes) is an outside failure careflow expects. */
  public static boolean expected(Throwable failure) {
    return outside(failure) != null;
  }

  /** One line naming the outside failure and its cause, or null when the failure is unexpected. */
  public static String describe(Throwable failure) {
    Throwable outside = outside(failure);
    if (outside == null) {
      return null;
    }
    String text = oneLine(outside.getMessage());
    Throwable root = root(outside);
    if (root != outside && root.getMessage() != null && !text.contains(oneLine(root.getMessage()))) {
      text = text + " (" + root.getClass().getSimpleName() + ": " + oneLine(root.getMessage()) + ")";
    } else if (root != outside && root.getMessage() == null) {
      text = text + " (" + root.getClass().getSimpleName() + ")";
    }
    return text.length() > MAX_LENGTH ? text.substring(0, MAX_LENGTH) + "…" : text;
  }

  private static Throwable outside(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof ChannelDelivery.NoWayOut || t instanceof WebhookSender.WebhookFailed) {
        return t;
      }
      // an e-mail careflow could not even build is careflow's problem, not the mail server's
      if (t instanceof MailException && !(t instanceof EmailSender.MailPreparationException)) {
        return t;
      }
    }
    return null;
  }

  private static Throwable root(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root;
  }

  /** Jakarta Mail nests its causes into multi-line messages: one line, no tabs. */
  static String oneLine(String message) {
    return message == null ? "" : message.replaceAll("\\s*\\R\\s*", " ").replace("nested exception is: ", "").strip();
  }
}
