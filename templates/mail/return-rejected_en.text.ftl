${customerName?has_content?then("Dear " + customerName, "Dear Customer")},

We have received and checked your return, but we cannot accept it. ${returnDecisionReason!}

Kind regards,
<#if agentName?has_content>${agentName}
</#if>${shopName} customer service
