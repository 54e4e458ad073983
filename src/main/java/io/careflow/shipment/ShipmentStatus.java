package io.careflow.shipment;

import java.util.Locale;

/** What a carrier reports about a shipment; each status has its message to the customer. */
public enum ShipmentStatus {
  SHIPPED, OUT_FOR_DELIVERY, DELAYED, DELIVERED;

  /** The notice template: {@code templates/mail/shipment-<status>_<lang>.ftlh}, e.g. shipment-out-for-delivery. */
  public String notice() {
    return "shipment-" + name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
