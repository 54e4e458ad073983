package io.careflow.files;

import static io.careflow.system.SqlTimes.instant;
import static io.careflow.system.SqlTimes.utc;

import io.careflow.casefile.CaseRecords;
import io.careflow.casefile.CaseVariables;
import io.careflow.casefile.ContactEvents;
import io.careflow.contact.CustomerSentFiles;
import java.net.URLConnection;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.util.unit.DataSize;

/**
 * The customers' files of a case ({@code message_attachment}): a file within the size cap and of an
 * allowed type is kept with its content; any other keeps only its name, size and the reason, so
 * the agent sees what was sent and could not be taken. The case's timeline names every file; the
 * customer gets one notice, in their language, naming the files that could not be taken (the
 * {@code files-refused} template), through the engine step of {@code customer-notice.bpmn} started
 * with the files, so a channel that fails is retried and ends in an incident like every notice.
 */
@Order(CaseRecords.FIRST)
@Service
public class CustomerFiles implements CaseRecords {

  /** Event on the case naming what came (and what was refused, with why). */
  public static final String ATTACHMENTS = "ATTACHMENTS_RECEIVED";
  /** The notice telling the customer which files were not taken. */
  public static final String NOTICE_REFUSED = "files-refused";
  /** Why a file was refused: over the size cap, or of a type not allowed. */
  public static final String REFUSED_SIZE = "SIZE";
  public static final String REFUSED_TYPE = "TYPE";
  /** Where files came from besides e-mail: the intake API, a public page of the case. */
  public static final String SOURCE_API = "API";
  public static final String SOURCE_WEB_FORM = "WEB_FORM";

  private final JdbcClient jdbc;
  private final ContactEvents events;
  private final FilesProperties policy;
  private final Clock clock;
  private final RuntimeService runtime;

  public CustomerFiles(JdbcClient jdbc, ContactEvents events, FilesProperties policy, Clock clock,
      @Lazy RuntimeService runtime) {
    this.jdbc = jdbc;
    this.events = events;
    this.policy = policy;
    this.clock = clock;
    this.runtime = runtime;
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
   * Keeps the files the customer sent with a public form of the case (none: nothing to do).
   *
   * @return the files refused
   */
  public List<Refused> storeFromWebForm(String contactId, List<IncomingFile> files) {
    return files.isEmpty() ? List.of() : store(contactId, null, files, SOURCE_WEB_FORM, "customer");
  }

  /**
   * Keeps the files that came with the customer's message {@code messageId} (null: the contact's
   * first message) from {@code source} (EMAIL, WEB_FORM).
   *
   * @return the files refused
   */
  public List<Refused> store(String contactId, String messageId, List<IncomingFile> files, String source,
      String actor) {
    var refused = new ArrayList<Refused>();
    var refusedIds = new ArrayList<String>();
    var named = new ArrayList<String>();
    for (IncomingFile file : files) {
      String type = mediaType(file);
      String reason = file.content() == null || file.sizeBytes() > policy.maxSize().toBytes() ? REFUSED_SIZE
          : !policy.allows(type) ? REFUSED_TYPE : null;
      String refusal = reason == null ? null : REFUSED_SIZE.equals(reason)
          ? "over the size cap of " + megabytes(policy.maxSize()) : "type " + type + " is not accepted";
      String id = UUID.randomUUID().toString();
      jdbc.sql("insert into message_attachment (id, contact_id, message_id, file_name, media_type, size_bytes, "
              + "accepted, created_at, content, refusal, refused_because, source) "
              + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
          .params(id, contactId, messageId, file.fileName(), type, file.sizeBytes(),
              reason == null, utc(clock.instant()), reason == null ? file.content() : null, refusal, reason, source)
          .update();
      named.add(file.fileName() + " (" + DataSize.ofBytes(file.sizeBytes()).toKilobytes() + " kB"
          + (refusal == null ? "" : ", not taken: " + refusal) + ")");
      if (reason != null) {
        refused.add(new Refused(file.fileName(), reason));
        refusedIds.add(id);
      }
    }
    if (!files.isEmpty()) {
      events.record(contactId, ATTACHMENTS, actor, String.join(", ", named));
    }
    if (!refused.isEmpty()) {
      tellTheCustomer(contactId, refusedIds);
    }
    return refused;
  }

  /** Files pushed with a new contact through the intake API: kept in the contact's transaction. */
  @EventListener
  public void customerSentFiles(CustomerSentFiles sent) {
    store(sent.contactId(), null, sent.files().stream()
        .map(f -> new IncomingFile(f.name(), f.contentType(), f.content().length, f.content())).toList(),
        SOURCE_API, sent.actor());
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
   * Starts {@code customer-notice.bpmn} in the caller's transaction: the files and the notice's
   * step are committed together, and the step sends with retries and an incident like every
   * notice (a channel that fails is retried, never left PENDING with nothing retrying).
   */
  private void tellTheCustomer(String contactId, List<String> refusedIds) {
    runtime.createProcessInstanceByKey(FilesRefusedProcess.KEY)
        .businessKey(contactId)
        .setVariables(Variables.createVariables()
            .putValue(CaseVariables.CONTACT_ID, contactId)
            .putValue(FilesRefusedProcess.REFUSED_FILE_IDS, String.join(",", refusedIds)))
        .execute();
  }

  /** The files of the case among {@code fileIds} that were kept out, with why. */
  public List<Refused> refused(String contactId, List<String> fileIds) {
    var wanted = new java.util.HashSet<>(fileIds);
    return jdbc.sql("select id, file_name, refused_because, refusal from message_attachment "
            + "where contact_id = ? and accepted = ? order by created_at, file_name")
        .params(contactId, false)
        .query((rs, n) -> wanted.contains(rs.getString("id")) ? new Refused(rs.getString("file_name"),
            rs.getString("refused_because") != null ? rs.getString("refused_because")
                : rs.getString("refusal") != null && rs.getString("refusal").startsWith("over") ? REFUSED_SIZE
                : REFUSED_TYPE) : null)
        .list().stream().filter(java.util.Objects::nonNull).toList();
  }

  @Override
  public List<String> tables() {
    return List.of("message_attachment");
  }

  @Override
  public void forget(Collection<String> contactIds) {
    CaseRecords.deleteRows(jdbc, tables(), contactIds);
  }
}
