${customerName?has_content?then("Dear " + customerName, "Dear Customer")},

We have received your complaint and are looking into it now.

<#if answerBy?has_content>You will have our answer by ${answerBy}.<#else>You will have our answer within the reply time of our working hours.</#if>

Kind regards,
<#if agentName?has_content>${agentName}
</#if>${shopName} customer service
