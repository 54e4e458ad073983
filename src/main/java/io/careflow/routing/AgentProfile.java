package io.careflow.routing;

import java.time.Instant;

/**
 * An agent's availability and capacity as routing uses them. An agent nobody set up is
 * AVAILABLE with the configured capacities; {@code updatedBy} / {@code updatedAt} are null then.
 */
public record AgentProfile(
    String userId,
    Availability availability,
    int maxOpenTasks,
    int maxOpenChats,
    String updatedBy,
    Instant updatedAt) {

  public boolean available() {
    return availability == Availability.AVAILABLE;
  }

  /** Room for one more task of that kind: chats count against the chat capacity only. */
  public boolean hasRoomFor(boolean chat, Workloads.Load load) {
    return chat ? load.chats() < maxOpenChats : load.tasks() < maxOpenTasks;
  }
}
