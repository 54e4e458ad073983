package io.careflow.customer;

import java.util.concurrent.ThreadLocalRandom;

/** Addresses no other test uses, so tests sharing one database never meet each other's customers. */
final class CustomerTestData {

  private CustomerTestData() {}

  /** A valid Polish mobile number, written the way people write it: {@code +48 60x xxx xxx}. */
  static String uniquePhone() {
    int rest = ThreadLocalRandom.current().nextInt(0, 10_000_000);
    String digits = "%07d".formatted(rest);
    return "+48 60" + digits.charAt(0) + " " + digits.substring(1, 4) + " " + digits.substring(4);
  }

  /** The E.164 form careflow stores. */
  static String e164(String phone) {
    return phone.replace(" ", "").replace("-", "");
  }
}
