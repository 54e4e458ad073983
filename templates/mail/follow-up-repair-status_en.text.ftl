${customerName?has_content?then("Dear " + customerName, "Dear Customer")},

As promised, here is an update on the repair or replacement of your product.

<#if note?has_content>
Where things stand:
${note}

</#if>
If you have any questions, just reply to this message.

Kind regards,
<#if agentName?has_content>${agentName}
</#if>${shopName} customer service
