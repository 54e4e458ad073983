${customerName?has_content?then("Здравствуйте, " + customerName, "Здравствуйте")}!

<#if replacementApproved!false>Хорошая новость: замена одобрена. Специалист свяжется с вами, чтобы договориться о доставке.<#else>К сожалению, мы не можем заменить товар. ${rejectionReason!}</#if>

С уважением,
<#if agentName?has_content>${agentName}
</#if>Служба поддержки ${shopName}
