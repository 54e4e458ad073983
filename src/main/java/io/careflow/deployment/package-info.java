/**
 * What happens to the designer's files when they are deployed, and after: the checks that
 * refuse a set of files that do not fit together (at start, and on a deploy request from Camunda
 * Modeler or {@code /engine-rest/deployment/create}), which version of each model runs against its
 * file ({@code /api/models}), and the beans that models deployed by an earlier careflow still
 * name. The deploy itself and the models read as data are in {@code model}.
 */
package io.careflow.deployment;
