package io.careflow.routing;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A team lead gives a task to an agent by hand ({@code POST /api/tasks/{taskId}/assignment}). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Reassignment(
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "user id of an available agent",
        example = "anna")
    @NotBlank(message = "is required") @Size(max = 100) String assignee,
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "why; shown in the task form and kept",
        example = "Speaks to this customer's lawyer already")
    @NotBlank(message = "must not be empty")
    @Size(max = Reassignment.MAX_REASON, message = "must be at most " + Reassignment.MAX_REASON + " characters")
    String reason) {

  public static final int MAX_REASON = 500;
}
