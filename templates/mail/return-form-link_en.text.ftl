${customerName?has_content?then("Dear " + customerName, "Dear Customer")},

To return your item, please fill in this short form and tell us why:

${link}

The link is valid for 14 days.

Kind regards,
<#if agentName?has_content>${agentName}
</#if>${shopName} customer service
