package io.careflow.routing;

import java.time.OffsetDateTime;

/** A task after a lead reassigned it: who holds it now, who held it, why, by whom and when. */
public record AssignmentView(
    String taskId,
    String taskName,
    String contactId,
    String assignee,
    String assigneeName,
    String previousAssignee,
    String reason,
    String decidedBy,
    OffsetDateTime decidedAt) {}
