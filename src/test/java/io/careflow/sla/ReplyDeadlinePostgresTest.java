package io.careflow.sla;

import io.careflow.support.PostgresCareflow;

/** The reply-deadline scenarios on PostgreSQL 17. */
@PostgresCareflow
class ReplyDeadlinePostgresTest extends ReplyDeadlineScenarios {}
