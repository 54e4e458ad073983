package io.careflow.publicpages;

import static io.careflow.system.SqlTimes.instant;
import static io.careflow.system.SqlTimes.utc;

import io.careflow.casefile.CaseRecords;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Links that let a customer reach a small public page of their case (return form,
 * replacement request, later the survey) without an account: signed (HMAC-SHA256 over the
 * link's id, case, purpose and expiry, with {@code careflow.public-links.secret}), expiring
 * and single use. The token carries no customer data; a forged, expired, reused or
 * other-purpose token opens nothing.
 */
@Service
public class PublicLinks implements CaseRecords {

  private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

  private final JdbcClient jdbc;
  private final Clock clock;
  private final byte[] secret;
  private final String publicUrl;

  public PublicLinks(JdbcClient jdbc, Clock clock, @Value("${careflow.public-links.secret}") String secret,
      @Value("${careflow.public-url}") String publicUrl) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.secret = secret.getBytes(StandardCharsets.UTF_8);
    this.publicUrl = publicUrl.replaceAll("/+$", "");
  }

  /** A link that is valid and unused: what it opens. */
  public record Link(String id, String contactId, String purpose, Instant expiresAt) {}

  /** Why a token opens nothing; the page says so in friendly words. */
  public enum Refusal { UNKNOWN, EXPIRED, USED }

  public static class RefusedLinkException extends RuntimeException {
    private final Refusal refusal;
    private final String contactId;

    public RefusedLinkException(Refusal refusal) {
      this(refusal, null);
    }

    /** @param contactId the case of a genuine link (expired or used): its page speaks the customer's language */
    public RefusedLinkException(Refusal refusal, String contactId) {
      super("Link refused: " + refusal);
      this.refusal = refusal;
      this.contactId = contactId;
    }

    public Refusal refusal() {
      return refusal;
    }

    /** The case of a genuine link; null for a forged or unknown one. */
    public String contactId() {
      return contactId;
    }
  }

  /** @return the absolute URL of the page for {@code path} (e.g. {@code /public/returns/}) with the new token */
  public String issue(String contactId, String purpose, Duration validity, String path) {
    return issued(contactId, purpose, validity, path).url();
  }

  /** A new link: its id (what a page finds its subject by) and its absolute URL. */
  public record Issued(String id, String url) {}

  /** As {@link #issue}, with the link's id. */
  public Issued issued(String contactId, String purpose, Duration validity, String path) {
    String id = UUID.randomUUID().toString();
    Instant now = clock.instant();
    Instant expiresAt = now.plus(validity);
    jdbc.sql("insert into public_link (id, contact_id, purpose, created_at, expires_at) values (?, ?, ?, ?, ?)")
        .params(id, contactId, purpose, utc(now), utc(expiresAt)).update();
    return new Issued(id, publicUrl + path + id + "." + signature(id, contactId, purpose, expiresAt));
  }

  /** The link behind a token, if it is genuine, of this purpose, unexpired and unused. */
  public Link open(String token, String purpose) {
    if (token == null || token.length() > 200 || token.indexOf('.') < 0) {
      throw new RefusedLinkException(Refusal.UNKNOWN);
    }
    String id = token.substring(0, token.indexOf('.'));
    String given = token.substring(token.indexOf('.') + 1);
    Optional<StoredLink> stored = jdbc.sql("select id, contact_id, purpose, expires_at, used_at from public_link "
            + "where id = ?").param(id)
        .query((rs, n) -> new StoredLink(rs.getString("id"), rs.getString("contact_id"), rs.getString("purpose"),
            instant(rs, "expires_at"), instant(rs, "used_at")))
        .optional();
    if (stored.isEmpty() || !stored.get().purpose().equals(purpose) || !MessageDigest.isEqual(
        given.getBytes(StandardCharsets.US_ASCII),
        signature(id, stored.get().contactId(), purpose, stored.get().expiresAt()).getBytes(StandardCharsets.US_ASCII))) {
      throw new RefusedLinkException(Refusal.UNKNOWN);
    }
    StoredLink link = stored.get();
    if (link.usedAt() != null) {
      throw new RefusedLinkException(Refusal.USED, link.contactId());
    }
    if (!clock.instant().isBefore(link.expiresAt())) {
      throw new RefusedLinkException(Refusal.EXPIRED, link.contactId());
    }
    return new Link(link.id(), link.contactId(), link.purpose(), link.expiresAt());
  }

  /** Spends the link; a second use (even a concurrent one) is refused. */
  public void use(Link link) {
    int updated = jdbc.sql("update public_link set used_at = ? where id = ? and used_at is null")
        .params(utc(clock.instant()), link.id()).update();
    if (updated != 1) {
      throw new RefusedLinkException(Refusal.USED, link.contactId());
    }
  }

  private record StoredLink(String id, String contactId, String purpose, Instant expiresAt, Instant usedAt) {}

  private String signature(String id, String contactId, String purpose, Instant expiresAt) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      String data = id + "|" + contactId + "|" + purpose + "|" + expiresAt.getEpochSecond();
      return URL.encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public List<String> tables() {
    return List.of("public_link");
  }

  @Override
  public void forget(Collection<String> contactIds) {
    CaseRecords.deleteRows(jdbc, tables(), contactIds);
  }
}
