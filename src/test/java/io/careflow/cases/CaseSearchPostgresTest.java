package io.careflow.cases;

import io.careflow.support.PostgresCareflow;

/** The case search on PostgreSQL 17. */
@PostgresCareflow
class CaseSearchPostgresTest extends CaseSearchScenarios {}
