package io.careflow.reporting;

/** The KPI scenarios on H2. */
class KpiTest extends KpiScenarios {}
