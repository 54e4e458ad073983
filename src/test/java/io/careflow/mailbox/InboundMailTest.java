package io.careflow.mailbox;

/** {@link InboundMailScenarios} on H2. */
class InboundMailTest extends InboundMailScenarios {}
