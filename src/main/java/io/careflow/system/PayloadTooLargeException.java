package io.careflow.system;

import java.io.IOException;

/** A request body above careflow's limit; answered with 413. */
public class PayloadTooLargeException extends IOException {

  public PayloadTooLargeException(long limit) {
    super("The request body is larger than " + limit + " bytes");
  }
}
