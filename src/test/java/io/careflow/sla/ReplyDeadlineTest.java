package io.careflow.sla;

/** The reply-deadline scenarios on H2. */
class ReplyDeadlineTest extends ReplyDeadlineScenarios {}
