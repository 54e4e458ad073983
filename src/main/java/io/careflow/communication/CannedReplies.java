package io.careflow.communication;

import io.careflow.system.TextFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The reply snippets a designer keeps in {@code templates/replies/} (Zendesk's macros,
 * Freshdesk's canned responses): one file per reply and language,
 * {@code replies/<TOPIC>/<name>_<language>.txt} for the cases of one topic (the topic's code, as
 * the classification table gives it) or {@code replies/any/<name>_<language>.txt} for every
 * case. The first line is the title the agent picks it by, then an empty line, then the body.
 * The body is what the agent would write: no greeting and no signature, which the reply's
 * frame adds ({@code replies/frame_<language>.properties}: {@code greeting}, {@code
 * greeting.noName}, {@code signature}), the same for the form that shows them and the message
 * that goes out.
 *
 * <p>Placeholders {@code ${name}} take the case's values: {@link #PLACEHOLDERS}. A reply naming
 * any other is refused when careflow starts, naming the file and the placeholder; a reply whose
 * placeholder the case at hand has no value for (a case without an order number) is not offered
 * on that case.
 */
@Component
public class CannedReplies {

  public static final String FOLDER = "replies";
  public static final String ANY_TOPIC = "any";
  /** What a case can fill in, and where it comes from. */
  public static final Map<String, String> PLACEHOLDERS = Map.of(
      "customerName", "the customer's name",
      "orderId", "the order number the contact came with",
      "productSku", "the product (SKU) the contact came with",
      "subject", "the subject of the customer's message",
      "replyDeadline", "the reply's deadline (the task's due date, shop time)",
      "agentName", "the agent's name",
      "shopName", "the shop's name");

  static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]*)}");
  private static final Pattern FILE = Pattern.compile(FOLDER + "/([A-Za-z0-9_-]+)/([A-Za-z0-9_-]+)_([a-z]{2})\\.txt");
  private static final Set<String> FRAME = Set.of("greeting", "greeting.noName", "signature");

  private final TextFiles files;
  private final List<String> languages;
  /** Read once when packaged (a search of the class path per task is slow); the demo's working copy every time. */
  private volatile List<CannedReply> packaged;

  public CannedReplies(TextFiles files, @Value("${careflow.languages:pl,en,ru}") List<String> languages) {
    this.files = files;
    this.languages = List.copyOf(languages);
    List<String> problems = problems();
    if (!problems.isEmpty()) {
      throw new IllegalStateException("careflow refuses these canned replies: " + String.join("; ", problems));
    }
  }

  /** One snippet: its file, the topic it is for ({@link #ANY_TOPIC} for all), its language, title and body. */
  public record CannedReply(String file, String topic, String name, String language, String title, String body) {

    /** The body with the case's values; null when a placeholder has no value on this case. */
    public String fill(Map<String, String> values) {
      return CannedReplies.fill(body, values);
    }
  }

  /** The replies for a case of {@code topic} whose customer reads {@code language}: the topic's own first. */
  public List<CannedReply> of(String topic, String language) {
    var own = new ArrayList<CannedReply>();
    var any = new ArrayList<CannedReply>();
    for (CannedReply reply : all()) {
      if (reply.language().equals(language)) {
        if (reply.topic().equals(topic)) {
          own.add(reply);
        } else if (reply.topic().equals(ANY_TOPIC)) {
          any.add(reply);
        }
      }
    }
    own.addAll(any);
    return own;
  }

  /** The greeting, the signature (lines) the reply frame adds in {@code language}, with the case's values. */
  public Frame frame(String language, Map<String, String> values) {
    Properties frame = files.load(FOLDER + "/frame_" + language + ".properties");
    if (frame.isEmpty()) {
      frame = files.load(FOLDER + "/frame_en.properties");
    }
    String name = values.get("customerName");
    String greeting = name == null || name.isBlank() ? frame.getProperty("greeting.noName", "")
        : fill(frame.getProperty("greeting", ""), values);
    String signature = fill(frame.getProperty("signature", ""), values);
    return new Frame(greeting == null ? "" : greeting, signature == null ? "" : signature);
  }

  /** What a reply's frame adds around the agent's body. */
  public record Frame(String greeting, String signature) {}

  List<CannedReply> all() {
    if (files.readsWorkingCopy()) {
      return read();
    }
    List<CannedReply> replies = packaged;
    if (replies == null) {
      replies = List.copyOf(read());
      packaged = replies;
    }
    return replies;
  }

  private List<CannedReply> read() {
    var replies = new ArrayList<CannedReply>();
    for (var file : files.all(FOLDER, ".txt").entrySet()) {
      Matcher name = FILE.matcher(file.getKey());
      if (name.matches()) {
        String text = file.getValue().replace("\r\n", "\n").strip();
        int end = text.indexOf('\n');
        String title = (end < 0 ? text : text.substring(0, end)).strip();
        String body = end < 0 ? "" : text.substring(end + 1).strip();
        replies.add(new CannedReply("templates/" + file.getKey(), name.group(1), name.group(2), name.group(3), title,
            body));
      }
    }
    return replies;
  }

  /** What is wrong with the designer's files, one line each naming the file: empty when all is well. */
  public List<String> problems() {
    var problems = new ArrayList<String>();
    for (var file : files.all(FOLDER, ".txt").keySet()) {
      if (!FILE.matcher(file).matches()) {
        problems.add("templates/" + file + ": name it replies/<TOPIC or any>/<name>_<language>.txt");
      }
    }
    for (CannedReply reply : all()) {
      if (!languages.contains(reply.language())) {
        problems.add(reply.file() + ": language " + reply.language() + " is not one the shop writes in " + languages);
      }
      if (reply.title().isEmpty() || reply.body().isEmpty()) {
        problems.add(reply.file() + ": needs a title (the first line), an empty line and the text");
      }
      unknownPlaceholders(reply.file(), reply.title() + "\n" + reply.body(), problems);
    }
    for (String language : languages) {
      String file = FOLDER + "/frame_" + language + ".properties";
      Properties frame = files.load(file);
      for (String key : FRAME) {
        if (!frame.containsKey(key)) {
          problems.add("templates/" + file + ": needs " + key);
        } else {
          unknownPlaceholders("templates/" + file + " (" + key + ")", frame.getProperty(key), problems);
        }
      }
    }
    return problems;
  }

  private static void unknownPlaceholders(String where, String text, List<String> problems) {
    Matcher placeholder = PLACEHOLDER.matcher(text);
    while (placeholder.find()) {
      if (!PLACEHOLDERS.containsKey(placeholder.group(1))) {
        problems.add(where + ": placeholder ${" + placeholder.group(1) + "} is not one a case can fill ("
            + String.join(", ", PLACEHOLDERS.keySet().stream().sorted().toList()) + ")");
      }
    }
  }

  /** {@code text} with every {@code ${name}} replaced; null when one has no value. */
  static String fill(String text, Map<String, String> values) {
    Matcher placeholder = PLACEHOLDER.matcher(text);
    var out = new StringBuilder();
    while (placeholder.find()) {
      String value = values.get(placeholder.group(1));
      if (value == null || value.isBlank()) {
        return null;
      }
      placeholder.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    placeholder.appendTail(out);
    return out.toString();
  }
}
