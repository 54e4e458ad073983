package io.careflow.customer;

import io.careflow.support.PostgresCareflow;

/** {@link CustomerHandleScenarios} on real PostgreSQL: handles are identities in its unique key and row locks too. */
@PostgresCareflow
class CustomerHandlePostgresTest extends CustomerHandleScenarios {}
