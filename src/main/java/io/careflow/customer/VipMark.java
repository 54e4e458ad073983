package io.careflow.customer;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A team lead marks a customer VIP, or takes the mark away ({@code PUT /api/customers/{id}/vip}). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record VipMark(
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @NotNull(message = "is required") Boolean vip,
    @Schema(description = "why, for the next team lead (optional)") @Size(max = 500) String reason) {}
