package io.careflow.customer;

import io.careflow.system.ConflictException;
import io.careflow.system.NotFoundException;
import io.careflow.system.RequestValidator;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds the one customer behind an e-mail address, phone number or channel handle, or creates them.
 * Whichever channel a customer uses, the same record is found: an address seen for the
 * first time alongside a known one is linked to that customer, and an agent links further
 * addresses by hand. A team lead marks a customer VIP.
 */
@Service
public class CustomerService {

  private final CustomerRepository customers;
  private final CustomerTypes types;
  private final ContactAddresses addresses;
  private final RequestValidator validator;
  private final Clock clock;

  public CustomerService(CustomerRepository customers, CustomerTypes types, ContactAddresses addresses,
      RequestValidator validator, Clock clock) {
    this.customers = customers;
    this.types = types;
    this.addresses = addresses;
    this.validator = validator;
    this.clock = clock;
  }

  /**
   * @param email lower-cased e-mail address or null
   * @param phone E.164 phone number or null
   * @return the customer's id
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public String findOrCreate(String email, String phone, String name, String language) {
    return findOrCreate(email, phone, null, null, name, language);
  }

  /**
   * @param email lower-cased e-mail address or null
   * @param phone E.164 phone number or null
   * @param handleKind the channel family of {@code handle} (CHAT or SOCIAL); null without a handle
   * @param handle the channel's own handle of the customer (chat user, social account) or null
   * @return the customer's id
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public String findOrCreate(String email, String phone, IdentityKind handleKind, String handle, String name,
      String language) {
    if (handle != null && (handleKind == null || handleKind == IdentityKind.EMAIL || handleKind == IdentityKind.PHONE)) {
      throw new IllegalArgumentException("A handle belongs to a channel family (CHAT or SOCIAL), not " + handleKind);
    }
    Optional<String> byEmail = email == null ? Optional.empty() : customers.findByIdentity(IdentityKind.EMAIL, email);
    Optional<String> byHandle = handle == null ? Optional.empty() : customers.findByIdentity(handleKind, handle);
    Optional<String> byPhone = phone == null ? Optional.empty() : customers.findByIdentity(IdentityKind.PHONE, phone);
    // e-mail first, then the channel's handle (each names one person): a phone number may be
    // shared (a household), an address or an account rarely is
    String customerId = byEmail.or(() -> byHandle).or(() -> byPhone).orElse(null);
    if (customerId == null) {
      customerId = UUID.randomUUID().toString();
      customers.insertCustomer(customerId, name, language, clock.instant());
    } else {
      // a merge that committed since the address was read has moved it to the survivor
      customerId = lockSurvivor(customerId).id();
      customers.updateDetails(customerId, name, language);
    }
    if (email != null && byEmail.isEmpty()) {
      customers.insertIdentity(IdentityKind.EMAIL, email, customerId, clock.instant(), null);
    }
    if (handle != null && byHandle.isEmpty()) {
      customers.insertIdentity(handleKind, handle, customerId, clock.instant(), null);
    }
    if (phone != null && byPhone.isEmpty()) {
      customers.insertIdentity(IdentityKind.PHONE, phone, customerId, clock.instant(), null);
    }
    return customerId;
  }

  /** Where the customer lives, as the channel last told (planned messages respect its sending hours). */
  public void setTimeZone(String customerId, String zone) {
    customers.setTimeZone(customerId, zone);
  }

  public Optional<Customer> find(String customerId) {
    return customers.find(customerId);
  }

  /** The customer behind an id; the id of a customer merged away leads to the survivor. */
  public Customer get(String customerId) {
    Customer customer = customers.find(customerId).orElseThrow(() -> notFound(customerId));
    return customer.merged() ? customers.find(customer.mergedInto()).orElseThrow(() -> notFound(customerId))
        : customer;
  }

  /** The customer's type now: by {@code customer-type.dmn} from the VIP mark and every contact so far. */
  public CustomerType type(String customerId) {
    Customer customer = get(customerId);
    return types.of(customer.vip(), customers.contactCount(customer.id()));
  }

  /** The type the customer has for a contact just stored: the contacts before it count. */
  public CustomerType typeForNewContact(String customerId) {
    Customer customer = get(customerId);
    return types.of(customer.vip(), Math.max(0, customers.contactCount(customer.id()) - 1));
  }

  /**
   * Links addresses to the customer by hand. An address of another customer is refused
   * (409): two records of one person are merged by a team lead, not re-linked one address
   * at a time. An address the customer has already changes nothing.
   *
   * @return the id of the customer the addresses now lead to
   */
  @Transactional
  public String link(String customerId, NewIdentity request, String actor) {
    Customer customer = lockSurvivor(customerId);
    var check = validator.check(request);
    var wanted = new LinkedHashMap<IdentityKind, String>();
    if (request != null) {
      boolean hasEmail = request.email() != null && !request.email().isBlank();
      boolean hasPhone = request.phone() != null && !request.phone().isBlank();
      if (!hasEmail && !hasPhone) {
        check.add("email", "an e-mail address or a phone number is required");
        check.add("phone", "an e-mail address or a phone number is required");
      }
      if (hasEmail && !check.hasProblem("email")) {
        wanted.put(IdentityKind.EMAIL, addresses.email(request.email()));
      }
      if (hasPhone) {
        addresses.phone(request.phone()).ifPresentOrElse(phone -> wanted.put(IdentityKind.PHONE, phone),
            () -> check.add("phone", "must be a valid phone number, e.g. +48600100200"));
      }
    }
    check.throwIfInvalid();

    var toInsert = new LinkedHashMap<IdentityKind, String>();
    for (Map.Entry<IdentityKind, String> address : wanted.entrySet()) {
      Optional<String> holder = customers.findByIdentity(address.getKey(), address.getValue());
      if (holder.isEmpty()) {
        toInsert.put(address.getKey(), address.getValue());
      } else if (!holder.get().equals(customer.id())) {
        throw conflict(address.getKey(), address.getValue(), holder.get());
      }
    }
    for (Map.Entry<IdentityKind, String> address : toInsert.entrySet()) {
      try {
        customers.insertIdentity(address.getKey(), address.getValue(), customer.id(), clock.instant(), actor);
      } catch (DuplicateKeyException e) {
        // linked at the same moment by a contact or another agent; PostgreSQL has aborted
        // the transaction by now, so the holder cannot be read any more
        throw conflict(address.getKey(), address.getValue(), null);
      }
    }
    return customer.id();
  }

  /** A team lead marks the customer VIP or takes the mark away; who, when and why are kept. */
  @Transactional
  public String markVip(String customerId, VipMark request, String actor) {
    Customer customer = lockSurvivor(customerId);
    validator.check(request).throwIfInvalid();
    String reason = request.reason() == null || request.reason().isBlank() ? null : request.reason().strip();
    customers.setVip(customer.id(), request.vip(), actor, clock.instant(), reason);
    return customer.id();
  }

  /** Locks the customer's row (or their survivor's) for the rest of the transaction. */
  Customer lockSurvivor(String customerId) {
    Customer customer = customers.lock(customerId).orElseThrow(() -> notFound(customerId));
    return customer.merged() ? customers.lock(customer.mergedInto()).orElseThrow(() -> notFound(customerId))
        : customer;
  }

  static NotFoundException notFound(String customerId) {
    return new NotFoundException("No customer " + customerId);
  }

  private static ConflictException conflict(IdentityKind kind, String value, String otherCustomerId) {
    var properties = new LinkedHashMap<String, Object>();
    properties.put("field", kind == IdentityKind.EMAIL ? "email" : "phone");
    if (otherCustomerId != null) {
      properties.put("customerId", otherCustomerId);
    }
    return new ConflictException((kind == IdentityKind.EMAIL ? "The e-mail address " : "The phone number ") + value
        + " belongs to another customer; a team lead merges the two customers if they are one person",
        properties);
  }
}
