${customerName?has_content?then("Dear " + customerName, "Dear Customer")},

<#if replacementApproved!false>Good news: your replacement has been approved. A specialist will contact you to arrange the delivery.<#else>We are sorry: we cannot replace the product. ${rejectionReason!}</#if>

Kind regards,
<#if agentName?has_content>${agentName}
</#if>${shopName} customer service
