package io.careflow.communication.inbound;

/** {@link InboundMailScenarios} on H2. */
class InboundMailTest extends InboundMailScenarios {}
