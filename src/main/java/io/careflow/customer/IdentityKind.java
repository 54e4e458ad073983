package io.careflow.customer;

import io.careflow.casefile.Channel;
import java.util.Optional;

/**
 * What kind of address leads to a customer: an e-mail address, a phone number, or the
 * handle a chat or social channel knows the customer by (SPEC R1: such a customer may have
 * neither e-mail nor phone). A handle is an identity within its channel family only: the
 * chat user "anna" and the social account "anna" are not the same person.
 */
public enum IdentityKind {
  EMAIL, PHONE, CHAT, SOCIAL;

  /** The family whose handles identify customers of a channel; empty for channels without handles. */
  public static Optional<IdentityKind> handleOf(Channel channel) {
    return switch (channel) {
      case CHAT -> Optional.of(CHAT);
      case SOCIAL -> Optional.of(SOCIAL);
      default -> Optional.empty();
    };
  }
}
