/**
 * The customer's side of the demo (profile {@code demo} only): the in-process receiver the
 * demo's chat, SMS and social webhooks deliver to (it checks the signature as a real chat tool
 * does), and the page {@code /demo/customers} listing every message careflow delivered, per
 * customer and channel, where a demo user answers as the customer — through the real inbound
 * ways: the chat API's service for chat, SMS and social, an e-mail by SMTP into the support
 * mailbox for e-mail.
 */
package io.careflow.demo.customers;
