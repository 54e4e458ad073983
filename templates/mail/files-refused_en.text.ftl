${customerName?has_content?then("Dear " + customerName, "Dear Customer")},

Thank you for your message. We could not take these files:
<#list files as file>
- ${file.name}: <#if file.reason == "SIZE">larger than ${maxSize}<#else>a kind of file we cannot open safely</#if>
</#list>

Please send them again as photos (JPEG or PNG) or as a PDF of at most ${maxSize} each: just reply to this message with them attached.

Kind regards,
<#if agentName?has_content>${agentName}
</#if>${shopName} customer service
