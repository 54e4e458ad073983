package io.careflow.routing;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * An agent as routing sees them ({@code GET /api/agents/{id}}): availability, capacities
 * and the open tasks counted against them (chats apart), teams and skills (their groups),
 * and who last changed the profile.
 */
public record AgentView(
    String id,
    String name,
    Availability availability,
    int maxOpenTasks,
    int maxOpenChats,
    int openTasks,
    int openChats,
    List<String> teams,
    List<String> skills,
    String updatedBy,
    OffsetDateTime updatedAt) {}
