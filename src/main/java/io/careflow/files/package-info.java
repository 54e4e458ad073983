/**
 * Customers' files — photos, documents — that come with an e-mail or a public form: kept with
 * their content within a size cap and a type allow-list ({@code careflow.attachments.*}), shown
 * on the case's task forms and case page, deleted with the case by retention. A refused file is
 * named on the case with its reason, and the customer is told in their language.
 */
package io.careflow.files;
