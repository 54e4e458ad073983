${customerName?has_content?then("Здравствуйте, " + customerName, "Здравствуйте")}!

Замена уже в пути. Номер отслеживания: ${trackingNumber!}

С уважением,
<#if agentName?has_content>${agentName}
</#if>Служба поддержки ${shopName}
