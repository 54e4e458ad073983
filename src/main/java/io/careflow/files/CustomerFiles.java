package io.careflow.files;

import static io.careflow.system.SqlTimes.instant;
import static io.careflow.system.SqlTimes.utc;

import io.careflow.communication.CustomerNotices;
import io.careflow.contact.ContactEvents;
import java.net.URLConnection;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;

/**
 * The customers' files of a case ({@code message_attachment}): a file within the size cap and of an
 * allowed type is kept with its content; any other keeps only its name, size and the reason, so
 * the agent sees what was sent and could not be taken. The case's timeline names every file; the
 * customer gets one notice, in their language, naming the files that could not be taken (the
 * {@code files-refused} template), after the files are committed.
 */
@Service
public class CustomerFiles {

  /** Event on the case naming what came (and what was refused, with why). */
  public static final String ATTACHMENTS = "ATTACHMENTS_RECEIVED";
  /** The notice telling the customer which files were not taken. */
  public static final String NOTICE_REFUSED = "files-refused";
  /** Why a file was refused: over the size cap, or of a type not allowed. */
  public static final String REFUSED_SIZE = "SIZE";
  public static final String REFUSED_TYPE = "TYPE";

  private static final Logger LOG = LoggerFactory.getLogger(CustomerFiles.class);

  private final JdbcClient jdbc;
  private final ContactEvents events;
  private final FilesProperties policy;
  private final CustomerNotices notices;
  private final Clock clock;
  private final TransactionTemplate ownTransaction;

  public CustomerFiles(JdbcClient jdbc, ContactEvents events, FilesProperties policy, CustomerNotices notices,
      Clock clock, PlatformTransactionManager tx) {
    this.jdbc = jdbc;
    this.events = events;
    this.policy = policy;
    this.notices = notices;
    this.clock = clock;
    this.ownTransaction = new TransactionTemplate(tx);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** One file of a case as the agent sees it; {@code refusal} says why it was not taken. */
  public record StoredFile(String id, String fileName, String mediaType, long sizeBytes, boolean accepted,
      String refusal, Instant receivedAt) {

    public boolean image() {
      return accepted && mediaType.startsWith("image/");
    }

    public String size() {
      return sizeBytes < 1024 ? sizeBytes + " B" : sizeBytes < 1024 * 1024 ? sizeBytes / 1024 + " kB"
          : String.format(Locale.ROOT, "%.1f MB", sizeBytes / (1024.0 * 1024));
    }
  }

  /** A kept file's content. */
  public record Content(StoredFile file, byte[] bytes) {}

  /** A file that was not taken and why, in a word a template turns into the customer's language. */
  public record Refused(String fileName, String reason) {}

  /**
   * Keeps the files that came with the customer's message {@code messageId} (null: the contact's
   * first message) from {@code source} (EMAIL, WEB_FORM).
   *
   * @return the files refused
   */
  public List<Refused> store(String contactId, String messageId, List<IncomingFile> files, String source,
      String actor) {
    var refused = new ArrayList<Refused>();
    var named = new ArrayList<String>();
    for (IncomingFile file : files) {
      String type = mediaType(file);
      String reason = file.content() == null || file.sizeBytes() > policy.maxSize().toBytes() ? REFUSED_SIZE
          : !policy.allows(type) ? REFUSED_TYPE : null;
      String refusal = reason == null ? null : REFUSED_SIZE.equals(reason)
          ? "over the size cap of " + megabytes(policy.maxSize()) : "type " + type + " is not accepted";
      jdbc.sql("insert into message_attachment (id, contact_id, message_id, file_name, media_type, size_bytes, "
              + "accepted, created_at, content, refusal, source) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
          .params(UUID.randomUUID().toString(), contactId, messageId, file.fileName(), type, file.sizeBytes(),
              reason == null, utc(clock.instant()), reason == null ? file.content() : null, refusal, source)
          .update();
      named.add(file.fileName() + " (" + DataSize.ofBytes(file.sizeBytes()).toKilobytes() + " kB"
          + (refusal == null ? "" : ", not taken: " + refusal) + ")");
      if (reason != null) {
        refused.add(new Refused(file.fileName(), reason));
      }
    }
    if (!files.isEmpty()) {
      events.record(contactId, ATTACHMENTS, actor, String.join(", ", named));
    }
    if (!refused.isEmpty()) {
      tellTheCustomer(contactId, refused);
    }
    return refused;
  }

  public List<StoredFile> ofContact(String contactId) {
    return jdbc.sql("select id, file_name, media_type, size_bytes, accepted, refusal, created_at "
            + "from message_attachment where contact_id = ? order by created_at, file_name")
        .param(contactId)
        .query((rs, n) -> new StoredFile(rs.getString("id"), rs.getString("file_name"), rs.getString("media_type"),
            rs.getLong("size_bytes"), rs.getBoolean("accepted"), rs.getString("refusal"), instant(rs, "created_at")))
        .list();
  }

  /** The content of a kept file of the case; empty for another case's file, a refused one or none. */
  public Optional<Content> content(String contactId, String fileId) {
    return jdbc.sql("select id, file_name, media_type, size_bytes, accepted, refusal, created_at, content "
            + "from message_attachment where contact_id = ? and id = ? and accepted = ? and content is not null")
        .params(contactId, fileId, true)
        .query((rs, n) -> new Content(new StoredFile(rs.getString("id"), rs.getString("file_name"),
            rs.getString("media_type"), rs.getLong("size_bytes"), true, null, instant(rs, "created_at")),
            rs.getBytes("content")))
        .optional();
  }

  /** The size cap in bytes: a channel need not read a larger file whole. */
  public long maxBytes() {
    return policy.maxSize().toBytes();
  }

  /** The size cap in words, as the customer reads it. */
  public String maxSize() {
    return megabytes(policy.maxSize());
  }

  private static String megabytes(DataSize size) {
    return size.toMegabytes() > 0 ? size.toMegabytes() + " MB" : size.toKilobytes() + " kB";
  }

  /** The declared type; a generic one ({@code application/octet-stream}) is guessed from the name. */
  static String mediaType(IncomingFile file) {
    String declared = file.mediaType() == null ? "" : file.mediaType().strip().toLowerCase(Locale.ROOT);
    if (declared.isEmpty() || declared.equals("application/octet-stream")) {
      String guessed = file.fileName() == null ? null : URLConnection.guessContentTypeFromName(file.fileName());
      return guessed == null ? "application/octet-stream" : guessed.toLowerCase(Locale.ROOT);
    }
    return declared;
  }

  /**
   * After the files are committed (the contact may be new in this very transaction), in a
   * transaction of the notice's own; a channel that fails leaves the notice PENDING on the case.
   */
  private void tellTheCustomer(String contactId, List<Refused> refused) {
    Map<String, Object> values = Map.of("files", refused.stream()
            .map(r -> Map.of("name", r.fileName(), "reason", r.reason())).toList(),
        "maxSize", maxSize());
    Runnable send = () -> {
      try {
        ownTransaction.executeWithoutResult(status -> notices.send(contactId, NOTICE_REFUSED, values, null, null));
      } catch (RuntimeException e) {
        LOG.warn("Case {}: the notice naming {} refused file(s) was not delivered: {}", contactId, refused.size(),
            e.toString());
      }
    };
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          send.run();
        }
      });
    } else {
      send.run();
    }
  }
}
