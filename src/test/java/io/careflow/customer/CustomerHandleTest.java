package io.careflow.customer;

/** {@link CustomerHandleScenarios} on H2. */
class CustomerHandleTest extends CustomerHandleScenarios {}
