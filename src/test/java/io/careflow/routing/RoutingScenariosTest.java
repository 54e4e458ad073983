package io.careflow.routing;

/** The routing scenarios on H2. */
class RoutingScenariosTest extends RoutingScenarios {}
