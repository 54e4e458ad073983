package io.careflow.contact;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A contact pushed by a channel integration or an agent ({@code POST /api/contacts}).
 * Channel, topic and instant arrive as text and are checked with everything else, so one
 * answer names every bad field.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record NewContact(
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
        allowableValues = {"EMAIL", "PHONE", "MISSED_CALL", "CHAT", "WEB_FORM", "SOCIAL", "SMS"})
    @NotNull(message = "is required") String channel,
    @Schema(description = "idempotency key together with channel, e.g. the e-mail's Message-ID")
    @Size(max = 500) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String externalId,
    @Schema(description = "ISO-8601 instant with offset; default: now", example = "2026-12-04T15:00:00+01:00")
    String receivedAt,
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
    @NotNull(message = "is required") @Valid CustomerDetails customer,
    @Schema(description = "WEB_FORM only: the customer asks to be called back at this time (\"call me back\"), "
        + "an ISO-8601 instant with offset, from now to 30 days ahead; customer.phone is required. The contact "
        + "becomes a call-back (the missed-call protocol) at that time, moved to the next working hour when the "
        + "shop is closed then, and the 1-hour call-back target counts from it",
        example = "2026-12-07T10:30:00+01:00")
    String callBackAt,
    @Size(max = 500) String subject,
    @Size(max = 100_000) String body,
    @Schema(description = "optional hint: a topic the deployed classification table knows "
        + "(the topic outputs of processes/contact-classification.dmn; designers add topics there). "
        + "An unknown one is refused naming the topics that exist")
    @Size(max = 60) String topic,
    @Size(max = 100) String orderId,
    @Size(max = 100) String productSku,
    @Schema(description = "optional: how unhappy the customer is, as the channel judged it (case-insensitive); "
        + "the words of the message may raise it (processes/dissatisfaction-words.dmn), never lower it",
        allowableValues = {"low", "medium", "high"})
    @Size(max = 20) String dissatisfaction,
    @Schema(description = "optional: the customer's files (photos, documents) sent with the contact, each "
        + "with its name, media type and content in base64; the whole request stays within 256 KiB. A file "
        + "over careflow.attachments.max-size or of a type not in careflow.attachments.allowed-types does not "
        + "refuse the contact: it is kept out with the reason on the case and the customer is told in their "
        + "language. A malformed one (no name, a path as name, no media type, content that is not base64) is "
        + "a 400 naming e.g. attachments[1].contentBase64, and nothing is stored")
    @Size(max = 10, message = "at most 10 files") List<@NotNull(message = "must be a file") @Valid Attachment> attachments) {

  /** A contact without a call-me time or the channel's judgement of the customer's mood. */
  public NewContact(String channel, String externalId, String receivedAt, CustomerDetails customer, String subject,
      String body, String topic, String orderId, String productSku) {
    this(channel, externalId, receivedAt, customer, null, subject, body, topic, orderId, productSku, null, null);
  }

  /** A contact without files. */
  public NewContact(String channel, String externalId, String receivedAt, CustomerDetails customer,
      String callBackAt, String subject, String body, String topic, String orderId, String productSku,
      String dissatisfaction) {
    this(channel, externalId, receivedAt, customer, callBackAt, subject, body, topic, orderId, productSku,
        dissatisfaction, null);
  }

  /** A file of the customer's, as the channel pushes it. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Attachment(
      @Schema(description = "the file's name, without a path", example = "kettle.jpg")
      @NotBlank(message = "is required") @Size(max = 255) String name,
      @Schema(description = "the media type, e.g. image/jpeg", example = "image/jpeg")
      @NotBlank(message = "is required") @Size(max = 255) String contentType,
      @Schema(description = "the file's content, base64 (RFC 4648, padded or not)")
      @NotNull(message = "is required") String contentBase64) {}

  /**
   * Who the customer is, as the channel knows them; e-mail, phone or (for CHAT and SOCIAL) the
   * channel's handle is required.
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record CustomerDetails(
      @Email(message = "must be an e-mail address", regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+")
      @Size(max = 320) String email,
      @Size(max = 40) String phone,
      @Size(max = 200) String name,
      @Schema(description = "ISO 639-1, e.g. pl, en, ru")
      @Pattern(regexp = "[a-zA-Z]{2}", message = "must be a two-letter language code") String language,
      @Schema(description = "IANA time zone, e.g. Europe/Warsaw; planned messages reach the customer 08:00-20:00 there")
      @Size(max = 60) String timeZone,
      @Schema(description = "CHAT and SOCIAL only: the channel's own handle of the customer (chat session user, "
          + "social account), e.g. fb:1234567; identifies the customer within that channel family when there is "
          + "no e-mail or phone, and the reply goes back to it through the channel's webhook. 1-200 characters",
          example = "fb:1234567")
      @Size(max = 200) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String handle,
      @Schema(description = "whether the customer agreed to get text messages (SMS) on their phone. A PHONE "
          + "contact is answered by calling the customer; a text goes to a PHONE customer only when this is true "
          + "(default: not agreed)")
      Boolean textMessagesAllowed) {

    public CustomerDetails(String email, String phone, String name, String language) {
      this(email, phone, name, language, null, null, null);
    }

    public CustomerDetails(String email, String phone, String name, String language, String timeZone) {
      this(email, phone, name, language, timeZone, null, null);
    }

    public CustomerDetails(String email, String phone, String name, String language, String timeZone,
        String handle) {
      this(email, phone, name, language, timeZone, handle, null);
    }
  }
}
