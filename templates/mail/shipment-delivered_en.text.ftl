${customerName?has_content?then("Dear " + customerName, "Dear Customer")},

Your order ${orderId} has been delivered (tracking number ${trackingId}).

We hope you enjoy it. If anything is not right, simply answer this message.

Kind regards,
<#if agentName?has_content>${agentName}
</#if>${shopName} customer service
