package io.careflow.system;

import io.careflow.support.PostgresCareflow;

/** careflow's engine indexes on PostgreSQL 17. */
@PostgresCareflow
class EngineIndexesPostgresTest extends EngineIndexesScenarios {}
