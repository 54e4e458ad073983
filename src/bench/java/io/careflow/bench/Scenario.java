package io.careflow.bench;

import java.util.List;
import java.util.Set;

/**
 * One measurement of the bench: its class says what it measures; {@link #alias()} is the short
 * name BENCHMARKS.md and {@code -Dbench.only} have always used (P1 … P6, C1, M1).
 */
interface Scenario {

  /** The short name in BENCHMARKS.md's table: P1 … P6, C1, M1. */
  String alias();

  /** The class name, for {@code -Dbench.only=IntakeThroughput} as well as {@code P1}. */
  default String name() {
    return getClass().getSimpleName();
  }

  /** Other scenarios that need this one run first (P2 needs P1's peak rate, M1 samples during both). */
  default List<String> neededBy() {
    return List.of();
  }

  /** Whether {@code -Dbench.only} asks for this scenario, by alias or by name (empty: every one). */
  default boolean selected(Set<String> only) {
    return only.isEmpty() || only.contains(alias().toUpperCase()) || only.contains(name().toUpperCase())
        || neededBy().stream().anyMatch(only::contains);
  }
}
