package io.careflow.system;

/** careflow's engine indexes on H2. */
class EngineIndexesTest extends EngineIndexesScenarios {}
