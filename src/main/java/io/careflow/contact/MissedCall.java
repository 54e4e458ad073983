package io.careflow.contact;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A call nobody answered, reported by the telephony system ({@code POST /api/calls/missed}). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MissedCall(
    @Schema(description = "the telephony system's call id: idempotency key")
    @NotBlank(message = "is required") @Size(max = 200) String callId,
    @NotBlank(message = "is required") @Size(max = 40) String phone,
    @Schema(description = "ISO-8601 instant with offset; default: now") String at) {}
