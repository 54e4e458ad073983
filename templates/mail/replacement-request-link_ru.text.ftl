${customerName?has_content?then("Здравствуйте, " + customerName, "Здравствуйте")}!

Пожалуйста, опишите неисправный товар в этой форме — это займёт минуту:

${link}

Ссылка действительна 14 дней.

С уважением,
<#if agentName?has_content>${agentName}
</#if>Служба поддержки ${shopName}
