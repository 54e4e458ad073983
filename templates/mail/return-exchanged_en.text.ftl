${customerName?has_content?then("Dear " + customerName, "Dear Customer")},

We have received and checked your return. The exchange is on its way to you.

Kind regards,
<#if agentName?has_content>${agentName}
</#if>${shopName} customer service
