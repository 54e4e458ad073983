${customerName?has_content?then("Dear " + customerName, "Dear Customer")},

Thank you for contacting us. How did we do? The survey takes less than a minute:

${link}

The link is valid for 28 days and can be used once.

Kind regards,
<#if agentName?has_content>${agentName}
</#if>${shopName} customer service
