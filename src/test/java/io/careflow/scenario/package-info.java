/**
 * Scenario files for process designers: a protocol's path written in YAML beside the models
 * ({@code processes/scenarios/}) instead of a Java test — the contact, the tasks as agents work
 * them, time passing, the customer's answers, and what the customer got and how the case ended.
 * {@link io.careflow.scenario.ScenarioRunner} runs them against any running careflow.
 */
package io.careflow.scenario;
