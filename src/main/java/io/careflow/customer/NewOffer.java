package io.careflow.customer;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * An offer made to the customer ({@code POST /api/customers/{id}/offers}). Channel and
 * instant arrive as text and are checked with everything else, so one answer names every
 * bad field.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record NewOffer(
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "10% off the next kettle, code KET10")
    @NotBlank(message = "must not be empty")
    @Size(max = Offer.MAX_TEXT, message = "must be at most " + Offer.MAX_TEXT + " characters") String text,
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "ISO-8601 instant with offset, in the future",
        example = "2026-12-31T23:59:59+01:00")
    @NotNull(message = "is required") String validUntil,
    @Schema(description = "where the offer was made; default: the contact's channel",
        allowableValues = {"EMAIL", "PHONE", "MISSED_CALL", "CHAT", "WEB_FORM", "SOCIAL", "SMS"})
    String channel,
    @Schema(description = "the contact during which the offer was made (optional)")
    String contactId) {}
