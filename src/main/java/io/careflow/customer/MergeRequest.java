package io.careflow.customer;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Two records that are one person ({@code POST /api/customers/merge}): everything of
 * {@code from} moves to {@code into}; {@code from} stays as a tombstone pointing at it.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MergeRequest(
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "the customer that stays")
    @NotBlank(message = "is required") String into,
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "the customer merged away")
    @NotBlank(message = "is required") String from,
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "Same person: new e-mail address after marriage")
    @NotBlank(message = "must not be empty") @Size(max = 1000) String reason) {}
