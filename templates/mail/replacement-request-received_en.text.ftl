${customerName?has_content?then("Dear " + customerName, "Dear Customer")},

We have registered your replacement request. Our service team reviews it within 2 working days<#if due["replacement-review"]??> — by ${due["replacement-review"]}</#if> — and lets you know.

Kind regards,
<#if agentName?has_content>${agentName}
</#if>${shopName} customer service
