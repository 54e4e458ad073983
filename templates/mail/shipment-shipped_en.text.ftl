${customerName?has_content?then("Dear " + customerName, "Dear Customer")},

Good news: your order ${orderId} has been shipped. Tracking number: ${trackingId}

<#if (expectedDelivery!"")?has_content>
Expected delivery: ${expectedDelivery}

</#if>
Kind regards,
<#if agentName?has_content>${agentName}
</#if>${shopName} customer service
