package io.careflow.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A slow test of careflow under faults (crash, outages, a cluster node lost): not part of
 * {@code ./mvnw verify}, run by {@code ./mvnw -Preliability verify} (everything) or
 * {@code ./mvnw -Preliability surefire:test@reliability} (only these; what {@code .ci/run}
 * does after the normal build). Each class gets a JVM of its own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(ReliabilityTest.TAG)
public @interface ReliabilityTest {

  String TAG = "reliability";
}
