${customerName?has_content?then("Dear " + customerName, "Dear Customer")},

We are sorry: the delivery of your order ${orderId} is delayed.

The new expected delivery date is ${expectedDelivery}. Tracking number: ${trackingId}

Please accept our apologies for the inconvenience. Our team is checking the shipment and will get back to you if anything changes.

Kind regards,
<#if agentName?has_content>${agentName}
</#if>${shopName} customer service
