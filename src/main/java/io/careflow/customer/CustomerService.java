package io.careflow.customer;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds the one customer behind an e-mail address or phone number, or creates them.
 * Whichever channel a customer uses, the same record is found: an address seen for the
 * first time alongside a known one is linked to that customer.
 */
@Service
public class CustomerService {

  private final CustomerRepository customers;
  private final Clock clock;

  public CustomerService(CustomerRepository customers, Clock clock) {
    this.customers = customers;
    this.clock = clock;
  }

  /**
   * @param email lower-cased e-mail address or null
   * @param phone E.164 phone number or null
   * @return the customer's id
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public String findOrCreate(String email, String phone, String name, String language) {
    Optional<String> byEmail = email == null ? Optional.empty() : customers.findByIdentity(IdentityKind.EMAIL, email);
    Optional<String> byPhone = phone == null ? Optional.empty() : customers.findByIdentity(IdentityKind.PHONE, phone);
    // e-mail first: a phone number may be shared (a household), an address rarely is
    String customerId = byEmail.or(() -> byPhone).orElse(null);
    if (customerId == null) {
      customerId = UUID.randomUUID().toString();
      customers.insertCustomer(customerId, name, language, clock.instant());
    } else {
      customers.updateDetails(customerId, name, language);
    }
    if (email != null && byEmail.isEmpty()) {
      customers.insertIdentity(IdentityKind.EMAIL, email, customerId, clock.instant());
    }
    if (phone != null && byPhone.isEmpty()) {
      customers.insertIdentity(IdentityKind.PHONE, phone, customerId, clock.instant());
    }
    return customerId;
  }

  public Optional<Customer> find(String customerId) {
    return customers.find(customerId);
  }
}
