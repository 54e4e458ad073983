package io.careflow.contact;

/** {@link AngerScenarios} on H2. */
class AngerTest extends AngerScenarios {}
