package io.careflow.scenario;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Each run of a scenario is a new customer. careflow recognises customers by e-mail, phone and
 * handle, and a customer it knows is treated differently (customer type, the agent who handled
 * them before, follow-ups cancelled by a new case): a database shared with other tests or
 * earlier runs must never hand a scenario someone else's history.
 */
final class UniqueCustomer {

  private final String run;
  private final String phoneDigits;

  private UniqueCustomer(String run, String phoneDigits) {
    this.run = run;
    this.phoneDigits = phoneDigits;
  }

  static UniqueCustomer newRun() {
    var random = ThreadLocalRandom.current();
    return new UniqueCustomer(Long.toString(random.nextLong(36L * 36 * 36 * 36 * 36 * 36), 36),
        String.format("%06d", random.nextInt(1_000_000)));
  }

  /** jan@example.com becomes jan-k3x9q1@example.com. */
  String email(String email) {
    if (email == null) {
      return null;
    }
    int at = email.lastIndexOf('@');
    return at < 0 ? email : email.substring(0, at) + "-" + run + email.substring(at);
  }

  /**
   * +48 600 100 200 keeps its country code and first digits (its kind of number: mobile,
   * landline) and gets six new last digits.
   */
  String phone(String phone) {
    if (phone == null) {
      return null;
    }
    String digits = phone.replaceAll("[^0-9]", "");
    if (digits.length() < 9) {
      return phone;
    }
    return (phone.strip().startsWith("+") ? "+" : "") + digits.substring(0, digits.length() - 6) + phoneDigits;
  }

  String handle(String handle) {
    return handle == null ? null : handle + "-" + run;
  }
}
