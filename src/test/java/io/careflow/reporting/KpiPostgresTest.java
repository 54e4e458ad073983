package io.careflow.reporting;

import io.careflow.support.PostgresCareflow;

/** The KPI scenarios on PostgreSQL 17: the same SQL must give the same answers. */
@PostgresCareflow
class KpiPostgresTest extends KpiScenarios {}
