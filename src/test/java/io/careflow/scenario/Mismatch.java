package io.careflow.scenario;

/**
 * What a step found different from the scenario. The run that performs the step adds the file
 * and where in it ({@link ScenarioFailure}); the classes doing the work only say what differed.
 */
final class Mismatch extends AssertionError {

  Mismatch(String what) {
    super(what);
  }
}
