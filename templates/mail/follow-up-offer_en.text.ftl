${customerName?has_content?then("Dear " + customerName, "Dear Customer")},

Here is the offer we talked about.

<#if note?has_content>
From our agent:
${note}

</#if>
<#if offers?has_content>
Your current offers:
<#list offers as offer>
- ${offer.text} (valid until ${offer.validUntil})
</#list>

</#if>
To take it up, just reply to this message.

Kind regards,
<#if agentName?has_content>${agentName}
</#if>${shopName} customer service
