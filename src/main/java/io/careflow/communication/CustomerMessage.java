package io.careflow.communication;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A customer's message on an existing case ({@code POST /api/contacts/{id}/messages}). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CustomerMessage(
    @NotBlank(message = "is required") @Size(max = 100_000) String body,
    @Schema(description = "the channel's id of the message; the same id again is accepted once")
    @Size(max = 500) String externalId) {}
