${customerName?has_content?then("Dear " + customerName, "Dear Customer")},

We have not received your return form yet. You can still fill it in here:

${link}

Kind regards,
<#if agentName?has_content>${agentName}
</#if>${shopName} customer service
