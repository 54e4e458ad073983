package io.careflow.communication;

import io.careflow.support.PostgresCareflow;

/** {@link ChannelDeliveryScenarios} on real PostgreSQL: the unsent notice is kept in its own transaction there too. */
@PostgresCareflow
class ChannelDeliveryPostgresTest extends ChannelDeliveryScenarios {}
