/**
 * The designer's files deployed and read as data: their deployment at start (each file named by
 * its path, only changed ones deployed), live reload of a designer's working copy, the topics
 * and their protocols (the classification table), the latest definitions of the deployed
 * decisions and their rows, and what each building block takes from a model
 * ({@link BuildingBlock}), which the element templates of {@code element-templates/} (Camunda
 * Modeler) are checked against. The checks that refuse a deployment are in {@code deployment}.
 */
package io.careflow.model;
