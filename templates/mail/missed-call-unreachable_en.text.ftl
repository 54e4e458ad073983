${customerName?has_content?then("Dear " + customerName, "Dear Customer")},

We tried to call you back three times but could not reach you. Reply to this message or call us whenever it suits you.

Kind regards,
<#if agentName?has_content>${agentName}
</#if>${shopName} customer service
