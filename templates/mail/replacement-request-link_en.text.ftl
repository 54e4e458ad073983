${customerName?has_content?then("Dear " + customerName, "Dear Customer")},

Please tell us about the broken product with this form — it takes a minute:

${link}

The link is valid for 14 days.

Kind regards,
<#if agentName?has_content>${agentName}
</#if>${shopName} customer service
