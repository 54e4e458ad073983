${customerName?has_content?then("Здравствуйте, " + customerName, "Здравствуйте")}!

Мы получили и проверили возврат. Обмен уже в пути.

С уважением,
<#if agentName?has_content>${agentName}
</#if>Служба поддержки ${shopName}
