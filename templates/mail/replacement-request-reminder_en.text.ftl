${customerName?has_content?then("Dear " + customerName, "Dear Customer")},

We have not received your replacement request yet. You can still send it here:

${link}

Kind regards,
<#if agentName?has_content>${agentName}
</#if>${shopName} customer service
