package io.careflow.contact;

import java.time.Instant;

/** One customer contact as careflow stores it. */
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
    Instant callBackAt) {}
