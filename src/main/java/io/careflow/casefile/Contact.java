package io.careflow.casefile;

import java.time.Instant;
import java.util.UUID;

/**
 * One customer contact as careflow stores it. A new one starts from a named constructor —
 * {@link #received}, {@link #following}, {@link #proactive} — and takes what the intake knows
 * through the withers; only the repository's row mapper fills every component at once.
 */
public record Contact(
    String id,
    Channel channel,
    String externalId,
    String customerId,
    String customerEmail,
    String customerPhone,
    Instant receivedAt,
    String subject,
    String body,
    String topicHint,
    String topic,
    String protocol,
    ContactStatus status,
    String language,
    String orderId,
    String productSku,
    String processInstanceId,
    Instant firstReplyAt,
    Long firstReplyWorkingMinutes,
    Instant resolvedAt,
    String outcome,
    String outcomeDetail,
    Boolean firstContactResolved,
    String dissatisfaction,
    /** The chat or social handle the contact came from (SPEC R1): the reply goes back to it. */
    String customerHandle,
    /** A web form's call-me request: when to call the customer back (in working hours); null otherwise. */
    Instant callBackAt) {

  /**
   * A contact a customer made, as it arrives: a new id, open, nothing classified, replied or
   * decided yet. {@code externalId} (with the channel) makes a repeated push find it again.
   */
  public static Contact received(Channel channel, String externalId, Instant receivedAt) {
    return opened(UUID.randomUUID().toString(), channel, externalId, receivedAt, null, null);
  }

  /**
   * A new case for the customer of {@code origin}, in the same channel and language, on the same
   * order and product (a protocol that turns into another); subject, body and topic are the new
   * case's own.
   */
  public static Contact following(Contact origin, String externalId, Instant receivedAt) {
    return received(origin.channel(), externalId, receivedAt)
        .withCustomer(origin.customerId(), origin.language())
        .withReach(origin.customerEmail(), origin.customerPhone(), origin.customerHandle())
        .withOrder(origin.orderId(), origin.productSku());
  }

  /**
   * A contact careflow opens itself (e.g. a delayed shipment), under {@code id}, with its
   * protocol already running in {@code processInstanceId}.
   */
  public static Contact proactive(String id, Channel channel, Instant receivedAt, String protocol,
      String processInstanceId) {
    return opened(id, channel, null, receivedAt, protocol, processInstanceId);
  }

  /** An open contact: what is not known yet at its start is null. */
  private static Contact opened(String id, Channel channel, String externalId, Instant receivedAt, String protocol,
      String processInstanceId) {
    return new Contact(id, channel, externalId, null, null, null, receivedAt, null, null, null, null, protocol,
        ContactStatus.OPEN, null, null, null, processInstanceId, null, null, null, null, null, null, null, null, null);
  }

  /** The customer the contact belongs to, and the language they are written to in. */
  public Contact withCustomer(String customerId, String language) {
    return new Contact(id, channel, externalId, customerId, customerEmail, customerPhone, receivedAt, subject, body,
        topicHint, topic, protocol, status, language, orderId, productSku, processInstanceId, firstReplyAt,
        firstReplyWorkingMinutes, resolvedAt, outcome, outcomeDetail, firstContactResolved, dissatisfaction,
        customerHandle, callBackAt);
  }

  /** How the customer is reached: e-mail, phone, and the chat or social handle. */
  public Contact withReach(String email, String phone, String handle) {
    return new Contact(id, channel, externalId, customerId, email, phone, receivedAt, subject, body, topicHint, topic,
        protocol, status, language, orderId, productSku, processInstanceId, firstReplyAt, firstReplyWorkingMinutes,
        resolvedAt, outcome, outcomeDetail, firstContactResolved, dissatisfaction, handle, callBackAt);
  }

  /** What the customer wrote. */
  public Contact withText(String subject, String body) {
    return new Contact(id, channel, externalId, customerId, customerEmail, customerPhone, receivedAt, subject, body,
        topicHint, topic, protocol, status, language, orderId, productSku, processInstanceId, firstReplyAt,
        firstReplyWorkingMinutes, resolvedAt, outcome, outcomeDetail, firstContactResolved, dissatisfaction,
        customerHandle, callBackAt);
  }

  /** The topic the channel or a protocol names (the classification table has the last word). */
  public Contact withTopicHint(String topicHint) {
    return new Contact(id, channel, externalId, customerId, customerEmail, customerPhone, receivedAt, subject, body,
        topicHint, topic, protocol, status, language, orderId, productSku, processInstanceId, firstReplyAt,
        firstReplyWorkingMinutes, resolvedAt, outcome, outcomeDetail, firstContactResolved, dissatisfaction,
        customerHandle, callBackAt);
  }

  /** The order and product the contact is about. */
  public Contact withOrder(String orderId, String productSku) {
    return new Contact(id, channel, externalId, customerId, customerEmail, customerPhone, receivedAt, subject, body,
        topicHint, topic, protocol, status, language, orderId, productSku, processInstanceId, firstReplyAt,
        firstReplyWorkingMinutes, resolvedAt, outcome, outcomeDetail, firstContactResolved, dissatisfaction,
        customerHandle, callBackAt);
  }

  /** How unhappy the customer is at receipt (low, medium, high), or null. */
  public Contact withDissatisfaction(String dissatisfaction) {
    return new Contact(id, channel, externalId, customerId, customerEmail, customerPhone, receivedAt, subject, body,
        topicHint, topic, protocol, status, language, orderId, productSku, processInstanceId, firstReplyAt,
        firstReplyWorkingMinutes, resolvedAt, outcome, outcomeDetail, firstContactResolved, dissatisfaction,
        customerHandle, callBackAt);
  }

  /** When the customer asked to be called back, or null. */
  public Contact withCallBackAt(Instant callBackAt) {
    return new Contact(id, channel, externalId, customerId, customerEmail, customerPhone, receivedAt, subject, body,
        topicHint, topic, protocol, status, language, orderId, productSku, processInstanceId, firstReplyAt,
        firstReplyWorkingMinutes, resolvedAt, outcome, outcomeDetail, firstContactResolved, dissatisfaction,
        customerHandle, callBackAt);
  }
}
