package io.careflow.shipment;

import io.swagger.v3.oas.annotations.media.Schema;

/** The answer to a carrier event: which stored event it is, and whether it was known already. */
public record ShipmentEventAccepted(
    @Schema(description = "the stored event; also the business key of its shipment process") String eventId,
    @Schema(description = "true: the same trackingId + status + at arrived before; nothing was sent again")
    boolean duplicate) {}
