package io.careflow.shipment;

import java.time.Instant;

/**
 * A stored carrier event ({@code shipment_event}): unique by tracking id, status and instant.
 * {@code customerEmail} / {@code customerPhone}: the addresses the event carried (normalised), if any.
 */
public record ShipmentEvent(
    String id,
    String trackingId,
    String orderId,
    ShipmentStatus status,
    Instant occurredAt,
    Instant expectedDelivery,
    String customerId,
    String customerEmail,
    String customerPhone,
    Instant receivedAt,
    String receivedBy,
    String processInstanceId) {}
