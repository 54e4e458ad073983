package io.careflow.routing;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The capacities of agents who have none of their own ({@code careflow.routing.*}): open
 * tasks of every channel but chat, and open chats — a chat agent handles several at once,
 * beside their other work.
 */
@Validated
@ConfigurationProperties("careflow.routing")
public record RoutingProperties(
    @DefaultValue("10") @Min(0) int defaultMaxOpenTasks,
    @DefaultValue("3") @Min(0) int defaultMaxOpenChats) {}
