package io.careflow.communication;

import io.careflow.support.PostgresCareflow;

/**
 * {@link UndeliveredReplyScenarios} on real PostgreSQL: the failed step's rollback, then the
 * incident's own transaction marking the message and starting the alerts.
 */
@PostgresCareflow
class UndeliveredReplyPostgresTest extends UndeliveredReplyScenarios {}
