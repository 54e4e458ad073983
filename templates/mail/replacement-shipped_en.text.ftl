${customerName?has_content?then("Dear " + customerName, "Dear Customer")},

Your replacement is on its way. Tracking number: ${trackingNumber!}

Kind regards,
<#if agentName?has_content>${agentName}
</#if>${shopName} customer service
