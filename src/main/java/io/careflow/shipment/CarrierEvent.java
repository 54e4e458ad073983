package io.careflow.shipment;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.careflow.contact.NewContact.CustomerDetails;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A carrier's tracking event as an integration pushes it ({@code POST /api/shipments/events},
 * API.md "Carrier events"). Status and instants arrive as text and are checked with everything
 * else, so one answer names every bad field. Order and tracking ids are shown to the customer:
 * one line of printable text.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CarrierEvent(
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "PX123456789PL")
    @NotNull(message = "is required") @Size(max = 100) @Pattern(regexp = PRINTABLE, message = PRINTABLE_MESSAGE)
    String trackingId,
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "PL-2026-000123")
    @NotNull(message = "is required") @Size(max = 100) @Pattern(regexp = PRINTABLE, message = PRINTABLE_MESSAGE)
    String orderId,
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
        allowableValues = {"SHIPPED", "OUT_FOR_DELIVERY", "DELAYED", "DELIVERED"})
    @NotNull(message = "is required") String status,
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "when the carrier saw it: ISO-8601 instant "
        + "with offset, not in the future", example = "2026-12-04T15:00:00+01:00")
    @NotNull(message = "is required") @Size(max = 64) String at,
    @Schema(description = "ISO-8601 instant with offset; required for DELAYED (the new expected delivery)",
        example = "2026-12-09T12:00:00+01:00")
    @Size(max = 64) String expectedDelivery,
    @Schema(description = "the customer of the order, when the integration knows them; e-mail or phone required. "
        + "Links the order to this customer (see docs/reference.md, Shipment news, for the precedence)")
    @Valid CustomerDetails customer) {

  /** Not blank, no control characters (no line breaks in a subject or a log line). */
  static final String PRINTABLE = "(?U)[^\\p{Cntrl}]*[^\\p{Cntrl}\\s][^\\p{Cntrl}]*";
  static final String PRINTABLE_MESSAGE = "must be one line of printable text, not blank";
}
