package io.careflow.customer;

import io.careflow.casefile.Channel;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The customer record as {@code GET /api/customers/{id}} shows it: who the customer is,
 * their type, every contact in every channel, notes, offers and the agents who served
 * them. The id of a customer merged away answers with this record of the survivor.
 */
public record CustomerRecord(
    String id,
    String name,
    @Schema(description = "preferred language, ISO 639-1") String language,
    @Schema(description = "by customer-type.dmn from the VIP mark and the number of contacts") CustomerType type,
    @Schema(description = "marked VIP by a team lead") boolean vip,
    @Schema(description = "who last set or removed the VIP mark; null when never") VipMarking vipMarking,
    OffsetDateTime createdAt,
    List<Address> identities,
    @Schema(description = "every contact (case), newest first, with the link to its case page") List<ContactItem> contacts,
    @Schema(description = "newest first") List<NoteItem> notes,
    @Schema(description = "every offer, newest first; open = not expired") List<OfferItem> offers,
    @Schema(description = "follow-ups still to come (SPEC R5), soonest first") List<FollowUpItem> plannedFollowUps,
    @Schema(description = "the customer's satisfaction survey answers, newest first") List<SurveyItem> surveyAnswers,
    @Schema(description = "agents who replied to the customer, most replies first") List<AgentItem> agents,
    @Schema(description = "the agent with most replies to this customer (ties: the most recent)")
    AgentItem preferredAgent,
    @Schema(description = "customers merged into this one; their ids lead here") List<MergeItem> merged) {

  public record VipMarking(String by, OffsetDateTime at, String reason) {}

  public record Address(IdentityKind kind, String value, OffsetDateTime since,
      @Schema(description = "who linked it by hand; null when it came with a contact") String linkedBy) {}

  /** RESOLVED: the protocol ended; ANSWERED: the shop replied, the case is open; UNANSWERED: no reply yet. */
  public enum Outcome { RESOLVED, ANSWERED, UNANSWERED }

  public record ContactItem(String id, Channel channel, String topic, String status, Outcome outcome,
      OffsetDateTime receivedAt, String subject, int replies, OffsetDateTime resolvedAt,
      @Schema(description = "the case page: path, conversation, deadlines and decisions") String href) {}

  public record NoteItem(String id, String text, String author, String authorName, OffsetDateTime createdAt,
      String contactId) {}

  public record OfferItem(String id, String text, Channel channel, String offeredBy, String offeredByName,
      OffsetDateTime createdAt, OffsetDateTime validUntil, boolean open, String contactId) {}

  public record FollowUpItem(String id, String contactId, String type, OffsetDateTime plannedFor, String note,
      String plannedBy) {}

  public record SurveyItem(String contactId, int csat, int nps, int ces, String comment, OffsetDateTime answeredAt) {}

  public record AgentItem(String userId, String name, int replies, OffsetDateTime lastReplyAt) {}

  public record MergeItem(String customerId, String mergedBy, OffsetDateTime mergedAt, String reason,
      int movedContacts, int movedIdentities, int movedNotes, int movedOffers) {}
}
