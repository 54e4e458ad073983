package io.careflow.system;

/**
 * A failure of an engine command that careflow expects and reports itself, in one line: the
 * engine's command context then logs it at DEBUG instead of ERROR with its stack trace
 * ({@link QuietCommandContextPlugin}). Every other failure keeps the engine's ERROR.
 */
@FunctionalInterface
public interface ExpectedFailure {

  boolean expected(Throwable failure);
}
