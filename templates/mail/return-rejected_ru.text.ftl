${customerName?has_content?then("Здравствуйте, " + customerName, "Здравствуйте")}!

Мы получили и проверили возврат, но не можем его принять. ${returnDecisionReason!}

С уважением,
<#if agentName?has_content>${agentName}
</#if>Служба поддержки ${shopName}
