package io.careflow.communication;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The case token careflow puts in the subject of its e-mails ({@code [#CF-1A2B3C4D]}: the
 * first 8 hex digits of the contact id), so a customer's answer finds its case even when the
 * mail program dropped the threading headers.
 */
public final class CaseToken {

  private static final Pattern TOKEN = Pattern.compile("\\[#CF-([0-9A-Fa-f]{8})]");

  private CaseToken() {}

  public static String of(String contactId) {
    return "[#CF-" + contactId.substring(0, 8).toUpperCase(Locale.ROOT) + "]";
  }

  /** The subject without any case token (a customer may quote the token of another case). */
  public static String strip(String subject) {
    return subject == null ? "" : TOKEN.matcher(subject).replaceAll("").replaceAll("\\s{2,}", " ").strip();
  }

  /** The contact-id prefix named by a token in the subject, if any. */
  public static Optional<String> prefixIn(String subject) {
    if (subject == null) {
      return Optional.empty();
    }
    Matcher m = TOKEN.matcher(subject);
    return m.find() ? Optional.of(m.group(1).toLowerCase(Locale.ROOT)) : Optional.empty();
  }
}
