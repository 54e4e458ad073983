${customerName?has_content?then("Dear " + customerName, "Dear Customer")},

We wanted to check that everything is fine since we last spoke.

<#if note?has_content>
From our agent:
${note}

</#if>
If anything is still not as it should be, reply to this message and we will take care of it.

Kind regards,
<#if agentName?has_content>${agentName}
</#if>${shopName} customer service
