/**
 * The benchmark (not part of the application): careflow started as production runs it on a
 * database of its own, loaded with contacts, and the figures of BENCHMARKS.md measured on it
 * ({@code BenchMain}, run by {@code ./mvnw -Pbench verify}).
 */
package io.careflow.bench;
