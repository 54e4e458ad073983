package io.careflow.contact;

import io.careflow.support.PostgresCareflow;

/** {@link AngerScenarios} on real PostgreSQL: the level, its reason and the hand-over stored there too. */
@PostgresCareflow
class AngerPostgresTest extends AngerScenarios {}
