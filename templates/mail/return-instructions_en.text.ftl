${customerName?has_content?then("Dear " + customerName, "Dear Customer")},

we have registered your return request<#if orderId?has_content> for order ${orderId}</#if><#if productSku?has_content> (item ${productSku})</#if>.

What to do next:
1. Pack the item, with its accessories and the receipt or order confirmation if you have them.
2. Write your case number ${caseToken} on the parcel.
3. Send it within 14 days to: ${shopName} Returns, ul. Magazynowa 1, 00-001 Warszawa.
4. We will write to you when it arrives and tell you what we decide after inspecting it.

Kind regards,
<#if agentName?has_content>${agentName}
</#if>${shopName} customer service
