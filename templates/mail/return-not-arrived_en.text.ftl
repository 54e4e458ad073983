${customerName?has_content?then("Dear " + customerName, "Dear Customer")},

We have not received the parcel you returned<#if orderId?has_content> (order ${orderId})</#if> within 21 days, so we have closed your return. If you sent it, please reply with the tracking number and we will look for it.

Kind regards,
<#if agentName?has_content>${agentName}
</#if>${shopName} customer service
