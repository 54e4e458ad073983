/**
 * The customer record (SPEC R1): one customer behind many identities (e-mail addresses and
 * phone numbers), their type (new / regular / VIP, by {@code customer-type.dmn}), notes
 * agents write about them, offers the shop made them, merges of two records of one person,
 * the record's API, and the summary of it that every task form shows. It writes its own
 * tables only: a merge moves other features' rows (contacts, messages, orders) through
 * {@link io.careflow.customer.CustomerMerged}, which each of them handles in the merge's
 * transaction.
 */
package io.careflow.customer;
