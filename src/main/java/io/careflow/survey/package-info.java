/**
 * The satisfaction survey after a resolved case: the invitation (a follow-up with a signed
 * link, sent in the customer's sending hours), the public page with its three scales and a
 * comment, and the answers kept for the KPIs.
 */
package io.careflow.survey;
