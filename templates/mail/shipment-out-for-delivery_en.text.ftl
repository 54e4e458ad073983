${customerName?has_content?then("Dear " + customerName, "Dear Customer")},

Your order ${orderId} is out for delivery today. Tracking number: ${trackingId}

Please make sure someone can receive the parcel.

Kind regards,
<#if agentName?has_content>${agentName}
</#if>${shopName} customer service
