/**
 * Customers' files — photos, documents — that come with an e-mail, a public page of the case
 * (the return form, the replacement request, the answer to a question) or the intake API: kept with
 * their content within a size cap and a type allow-list ({@code careflow.attachments.*}), shown
 * on the case's task forms and case page, deleted with the case by retention. A refused file is
 * named on the case with its reason, and the customer is told in their language by the engine step
 * of {@code customer-notice.bpmn} (retried, then an incident, like every notice).
 */
package io.careflow.files;
