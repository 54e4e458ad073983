package io.careflow.scenario;

/**
 * What went wrong, said so a designer finds it: the file, where in it ("step 3", "end",
 * "contact") and what differed — e.g. {@code return-main-path.yaml step 3: expected task
 * user_inspect_item, open tasks: [user_receive_returned_item (anna)]}.
 */
final class ScenarioFailure extends AssertionError {

  ScenarioFailure(String file, String where, String what) {
    super(file + (where == null ? "" : " " + where) + ": " + what);
  }

  ScenarioFailure(String file, String where, String what, Throwable cause) {
    this(file, where, what);
    initCause(cause);
  }
}
