/**
 * What every feature stands on: security (one user directory, the Camunda identity
 * service, for /api, /engine-rest and the webapps), the guards against the problems known
 * in Camunda 7.24 CE, model deployment, Flyway before the engine, the clock, error
 * responses, and the start-up set-up of groups, authorizations, Tasklist filters and demo
 * data.
 */
package io.careflow.system;
