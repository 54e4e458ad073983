package io.careflow.system;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * careflow refuses to start for a reason the operator can fix (a missing secret, a demo user in a
 * production database): the message says what and how, and Boot prints it as its
 * "APPLICATION FAILED TO START" report — no stack trace around the one line that matters.
 */
public class StartRefused extends IllegalStateException {

  public StartRefused(String message) {
    super(message);
  }

  /** Registered in META-INF/spring.factories. */
  public static class Analyzer extends AbstractFailureAnalyzer<StartRefused> {
    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, StartRefused cause) {
      return new FailureAnalysis("careflow refused to start: " + cause.getMessage(),
          "Fix the configuration named above (docs/operations.md) and start again.", cause);
    }
  }
}
