/**
 * careflow: the customer-service process engine of an online shop, a Spring Boot application
 * around Camunda 7. One package per feature, each standing only on the packages below it
 * ({@code PackageStructureTest} keeps them free of cycles): {@code system} and the shared case
 * types ({@code casefile}, {@code calendar}) at the bottom, the pages that show everything
 * ({@code cases}, {@code demo}) on top.
 */
package io.careflow;
