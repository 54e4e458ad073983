package io.careflow.communication.inbound;

import io.careflow.support.PostgresCareflow;

/** {@link InboundMailScenarios} on real PostgreSQL. */
@PostgresCareflow
class InboundMailPostgresTest extends InboundMailScenarios {}
