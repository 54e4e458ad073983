package io.careflow.customer;

/** The customer record (more of it comes with the customer-record issue). */
public record Customer(String id, String name, String language) {}
