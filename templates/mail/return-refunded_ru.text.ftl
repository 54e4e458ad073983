${customerName?has_content?then("Здравствуйте, " + customerName, "Здравствуйте")}!

Мы получили и проверили возврат. Деньги уже возвращаются вам.

С уважением,
<#if agentName?has_content>${agentName}
</#if>Служба поддержки ${shopName}
