package io.careflow.routing;

import io.careflow.support.PostgresCareflow;

/** The routing scenarios on PostgreSQL 17. */
@PostgresCareflow
class RoutingScenariosPostgresTest extends RoutingScenarios {}
