/**
 * What the deployed models say, read as data: the topics and their protocols (the
 * classification table), the latest definitions of the designer's files, and the checks that
 * refuse a deployment whose files do not fit together (a table naming a protocol no process
 * has, a form or message template that does not exist) before any contact meets it. Also what
 * each building block takes from a model ({@link BuildingBlock}), which the element templates of
 * {@code element-templates/} (Camunda Modeler) are checked against.
 */
package io.careflow.model;
