/**
 * One record per customer, whatever channel they use: identities (e-mail addresses and
 * phone numbers) that lead to the customer, and the summary of their history that every
 * task form shows.
 */
package io.careflow.customer;
