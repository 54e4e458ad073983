package io.careflow.system;

import java.util.Map;

/**
 * The request is well-formed but clashes with what careflow holds (an address that belongs
 * to another customer, a customer merged already); 409 problem+json. {@code properties}
 * tell the caller what it clashes with, e.g. the other customer's id.
 */
public class ConflictException extends RuntimeException {

  private final Map<String, Object> properties;

  public ConflictException(String message, Map<String, Object> properties) {
    super(message);
    this.properties = Map.copyOf(properties);
  }

  public Map<String, Object> properties() {
    return properties;
  }
}
