package io.careflow.mailbox;

import io.careflow.support.PostgresCareflow;

/** {@link InboundMailScenarios} on real PostgreSQL. */
@PostgresCareflow
class InboundMailPostgresTest extends InboundMailScenarios {}
