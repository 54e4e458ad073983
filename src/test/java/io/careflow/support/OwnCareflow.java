package io.careflow.support;

/**
 * Tag of test classes that start careflow themselves (their own application context).
 * Camunda registers the process engine "default" in static registries that the REST API
 * and the webapps read, so two careflows in one JVM see each other's engine: these tests
 * run in a JVM of their own (surefire execution {@code own-careflow}).
 */
public final class OwnCareflow {

  public static final String TAG = "own-careflow";

  private OwnCareflow() {}
}
