package io.careflow.customer;

/**
 * A team lead merged customer {@code from} into {@code into}. Published inside the merge's
 * transaction, before it commits: each feature whose rows name a customer (contacts, messages,
 * orders) moves its own rows from {@code from} to {@code into} in a synchronous listener, so the
 * merge commits all of them or none — and this package writes no other feature's table.
 */
public record CustomerMerged(String from, String into) {}
