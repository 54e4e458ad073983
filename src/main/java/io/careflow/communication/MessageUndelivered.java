package io.careflow.communication;

/**
 * A sending step gave up on {@code message} for the last time with {@code reason}
 * ({@link UndeliveredMessages}). An application event, delivered at once in the same
 * transaction: the staff alerts (the SLA feature's {@code DeadlineAlerts}) tell the team leads.
 */
public record MessageUndelivered(Message message, String processInstanceId, String reason) {}
