/**
 * FEEL as careflow's engine evaluates it: the Scala FEEL engine of Camunda's DMN engine, with
 * each expression parsed once and kept ({@link CareflowFeelEngine}), plugged into the DMN engine
 * of the process engine ({@link FeelEnginePlugin}). Every decision table and every form
 * condition goes through it; the FEEL semantics are the engine's own.
 */
package io.careflow.feel;
