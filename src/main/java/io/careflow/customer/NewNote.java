package io.careflow.customer;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A note to add to the customer record ({@code POST /api/customers/{id}/notes}). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record NewNote(
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "Two children; on holiday in August")
    @NotBlank(message = "must not be empty")
    @Size(max = Note.MAX_TEXT, message = "must be at most " + Note.MAX_TEXT + " characters") String text,
    @Schema(description = "the contact during which the customer said it (optional)")
    String contactId) {}
