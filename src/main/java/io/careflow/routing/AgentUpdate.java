package io.careflow.routing;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * A change of an agent's profile ({@code PUT /api/agents/{id}}): what is given changes,
 * what is left out stays. The availability is a text checked by careflow (not an enum
 * bound by Jackson), so a wrong value is reported together with every other bad field.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AgentUpdate(
    @Schema(allowableValues = {"AVAILABLE", "AWAY"},
        description = "AWAY: no new tasks, and the agent's unstarted tasks go back through routing")
    String availability,
    @Schema(description = "open tasks of every channel but chat", example = "10")
    @Min(value = 0, message = "must be at least 0") @Max(value = MAX_TASKS, message = "must be at most " + MAX_TASKS)
    Integer maxOpenTasks,
    @Schema(description = "chats at once", example = "3")
    @Min(value = 0, message = "must be at least 0") @Max(value = MAX_CHATS, message = "must be at most " + MAX_CHATS)
    Integer maxOpenChats) {

  public static final int MAX_TASKS = 100;
  public static final int MAX_CHATS = 10;
}
