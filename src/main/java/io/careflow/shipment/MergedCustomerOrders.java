package io.careflow.shipment;

import io.careflow.customer.CustomerMerged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A customer merge moves the merged customer's orders and their carrier events to the survivor,
 * in the merge's transaction.
 */
@Component
class MergedCustomerOrders {

  private final ShipmentEventRepository shipments;

  MergedCustomerOrders(ShipmentEventRepository shipments) {
    this.shipments = shipments;
  }

  @EventListener
  void on(CustomerMerged merged) {
    shipments.moveToCustomer(merged.from(), merged.into());
  }
}
