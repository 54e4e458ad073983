package io.careflow.shipment;

import io.careflow.support.PostgresCareflow;

/** The main path of the shipment news on PostgreSQL 17: concurrent duplicates, the delay and its check. */
@PostgresCareflow
class ShipmentPostgresTest extends ShipmentScenarios {}
