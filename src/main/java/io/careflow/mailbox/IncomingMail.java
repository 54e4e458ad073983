package io.careflow.mailbox;

import io.careflow.files.IncomingFile;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What careflow takes from an e-mail in the support mailbox: sender, subject, the thread it
 * answers, its text (the plain-text part, else the HTML part reduced to text) and its
 * attachments: name (never a path), type, size and content — above the size cap no content,
 * the rest of the file never read.
 */
record IncomingMail(
    String messageId,
    String fromAddress,
    String fromName,
    String subject,
    String text,
    Instant receivedAt,
    List<String> thread,
    boolean automatic,
    List<IncomingFile> attachments) {

  static final int MAX_TEXT = 100_000;
  static final int MAX_ATTACHMENTS = 50;
  private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]{1,490}@[^<>\\s]{1,250}>");

  /** @throws MessagingException when the e-mail cannot be read at all (it stays unseen for the next poll) */
  static IncomingMail read(MimeMessage mime, long maxAttachmentBytes) throws MessagingException, IOException {
    InternetAddress from = sender(mime);
    String subject = clean(mime.getSubject(), 500);
    var parts = new Parts(maxAttachmentBytes);
    parts.walk(mime);
    String text = parts.plain != null ? parts.plain.strip() : HtmlText.of(parts.html);
    if (text.length() > MAX_TEXT) {
      text = text.substring(0, MAX_TEXT - 40) + "\n[… shortened by careflow]";
    }
    var thread = new ArrayList<String>();
    thread.addAll(ids(mime.getHeader("References", " ")));
    thread.addAll(ids(mime.getHeader("In-Reply-To", " ")));
    Instant received = mime.getReceivedDate() != null ? mime.getReceivedDate().toInstant()
        : mime.getSentDate() != null ? mime.getSentDate().toInstant() : null;
    return new IncomingMail(messageId(mime, from, subject, text), from == null ? null : from.getAddress(),
        from == null ? null : clean(from.getPersonal(), 200), subject, text, received, thread, automatic(mime),
        List.copyOf(parts.attachments));
  }

  /** The Message-ID; a mail without one gets a stable substitute, so a re-read still finds it. */
  private static String messageId(MimeMessage mime, InternetAddress from, String subject, String text)
      throws MessagingException {
    String id = mime.getMessageID();
    if (id != null) {
      Matcher m = MESSAGE_ID.matcher(id.strip());
      if (m.find()) {
        return m.group();
      }
    }
    String date = mime.getSentDate() == null ? "" : mime.getSentDate().toInstant().toString();
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(
          ((from == null ? "" : from.getAddress()) + "\n" + date + "\n" + subject + "\n" + text)
              .getBytes(StandardCharsets.UTF_8));
      return "<" + HexFormat.of().formatHex(hash, 0, 16) + "@no-message-id.careflow>";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static InternetAddress sender(MimeMessage mime) throws MessagingException {
    Address[] from;
    try {
      from = mime.getFrom();
    } catch (MessagingException e) {
      return null;
    }
    if (from == null || from.length == 0 || !(from[0] instanceof InternetAddress address)) {
      return null;
    }
    return address;
  }

  /** Auto-replies (out of office, delivery reports, lists) must not open cases or loop with ours. */
  private static boolean automatic(MimeMessage mime) throws MessagingException {
    String autoSubmitted = mime.getHeader("Auto-Submitted", ",");
    if (autoSubmitted != null && !autoSubmitted.strip().equalsIgnoreCase("no")) {
      return true;
    }
    String precedence = mime.getHeader("Precedence", ",");
    if (precedence != null && precedence.toLowerCase(Locale.ROOT).matches(".*(bulk|junk|list|auto_reply).*")) {
      return true;
    }
    return mime.getHeader("X-Autoreply") != null || mime.getHeader("X-Autorespond") != null
        || mime.isMimeType("multipart/report");
  }

  static List<String> ids(String header) {
    var ids = new ArrayList<String>();
    if (header != null) {
      Matcher m = MESSAGE_ID.matcher(header);
      while (m.find() && ids.size() < 100) {
        ids.add(m.group());
      }
    }
    return ids;
  }

  /** Text with control characters (but line breaks and tabs) removed, cut to {@code max}. */
  static String clean(String value, int max) {
    if (value == null) {
      return null;
    }
    String cleaned = value.replaceAll("[\\p{Cntrl}&&[^\\n\\t]]", "").replaceAll("[\\r\\n\\t]+", " ").strip();
    return cleaned.length() > max ? cleaned.substring(0, max) : cleaned;
  }

  private static final class Parts {
    private final long maxAttachmentBytes;
    private String plain;
    private String html;
    private final List<IncomingFile> attachments = new ArrayList<>();

    Parts(long maxAttachmentBytes) {
      this.maxAttachmentBytes = maxAttachmentBytes;
    }

    void walk(Part part) throws MessagingException, IOException {
      String fileName = fileName(part);
      boolean attachment = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || fileName != null;
      if (part.isMimeType("multipart/*") && !attachment) {
        Multipart multipart = (Multipart) part.getContent();
        for (int i = 0; i < multipart.getCount(); i++) {
          BodyPart child = multipart.getBodyPart(i);
          walk(child);
        }
      } else if (!attachment && part.isMimeType("text/plain") && plain == null) {
        plain = text(part);
      } else if (!attachment && part.isMimeType("text/html") && html == null) {
        html = text(part);
      } else if (attachments.size() < MAX_ATTACHMENTS) {
        String type = part.getContentType() == null ? "application/octet-stream"
            : clean(part.getContentType().split(";")[0], 200).toLowerCase(Locale.ROOT);
        attachments.add(read(part, fileName == null ? "(unnamed " + type + ")" : fileName, type));
      }
    }

    private static String fileName(Part part) throws MessagingException {
      String name;
      try {
        name = part.getFileName();
        name = name == null ? null : MimeUtility.decodeText(name);
      } catch (UnsupportedEncodingException | MessagingException e) {
        name = "(unreadable name)";
      }
      if (name == null) {
        return null;
      }
      // a name, not a path
      name = name.replaceAll(".*[/\\\\]", "");
      return clean(name, 300);
    }

    private static String text(Part part) throws MessagingException, IOException {
      try {
        Object content = part.getContent();
        if (content instanceof String s) {
          return s;
        }
      } catch (UnsupportedEncodingException e) {
        // unknown charset: read the bytes as UTF-8 below
      }
      try (InputStream in = part.getInputStream()) {
        return new String(in.readNBytes(MAX_TEXT * 4), StandardCharsets.UTF_8);
      }
    }

    /**
     * The decoded content, read up to the cap; above the cap no content, and the size is
     * estimated from the encoded part, so a huge attachment is not downloaded.
     */
    private IncomingFile read(Part part, String fileName, String type) throws MessagingException, IOException {
      var content = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      try (InputStream in = part.getInputStream()) {
        int read;
        while ((read = in.read(buffer)) != -1) {
          content.write(buffer, 0, read);
          if (content.size() > maxAttachmentBytes) {
            boolean base64 = part instanceof jakarta.mail.internet.MimePart mime
                && "base64".equalsIgnoreCase(mime.getEncoding());
            // base64 lines: 76 characters + CRLF carry 57 bytes
            long estimate = base64 ? part.getSize() * 57L / 78 : part.getSize();
            return new IncomingFile(fileName, type, Math.max(content.size(), estimate), null);
          }
        }
      }
      return new IncomingFile(fileName, type, content.size(), content.toByteArray());
    }
  }
}
