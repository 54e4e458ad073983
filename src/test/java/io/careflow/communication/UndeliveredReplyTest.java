package io.careflow.communication;

import io.careflow.support.OwnCareflow;
import org.junit.jupiter.api.Tag;
import org.springframework.test.annotation.DirtiesContext;

/** {@link UndeliveredReplyScenarios} on H2, in a careflow of its own (the chat webhook is off there). */
@Tag(OwnCareflow.TAG)
@DirtiesContext
class UndeliveredReplyTest extends UndeliveredReplyScenarios {}
