${customerName?has_content?then("Здравствуйте, " + customerName, "Здравствуйте")}!

Мы получили вашу жалобу и уже занимаемся ей.

<#if answerBy?has_content>Вы получите ответ не позднее срока: ${answerBy}.<#else>Вы получите ответ в течение срока ответа в наши рабочие часы.</#if>

С уважением,
<#if agentName?has_content>${agentName}
</#if>Служба поддержки ${shopName}
