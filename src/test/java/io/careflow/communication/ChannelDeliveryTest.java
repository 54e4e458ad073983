package io.careflow.communication;

/** {@link ChannelDeliveryScenarios} on H2. */
class ChannelDeliveryTest extends ChannelDeliveryScenarios {}
