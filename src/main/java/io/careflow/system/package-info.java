/**
 * What every feature stands on, and nothing of any feature: security (one user directory, the
 * Camunda identity service, for /api, /engine-rest and the webapps; the features' own access
 * rules come in through interfaces declared here), the guards against the problems known in
 * Camunda 7.24 CE, Flyway and the engine schema before the engine, the clock, request checks and
 * problem+json error responses, and the start-up set-up of groups, authorizations and Tasklist
 * filters.
 */
package io.careflow.system;
