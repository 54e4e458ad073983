package io.careflow.cases;

/** The case search on H2. */
class CaseSearchTest extends CaseSearchScenarios {}
