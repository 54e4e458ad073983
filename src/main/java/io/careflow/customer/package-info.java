/**
 * The customer record (SPEC R1): one customer behind many identities (e-mail addresses and
 * phone numbers), their type (new / regular / VIP, by {@code customer-type.dmn}), notes
 * agents write about them, offers the shop made them, merges of two records of one person,
 * the record's API, and the summary of it that every task form shows.
 */
package io.careflow.customer;
