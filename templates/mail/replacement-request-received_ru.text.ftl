${customerName?has_content?then("Здравствуйте, " + customerName, "Здравствуйте")}!

Мы зарегистрировали вашу заявку на замену. Сервис рассмотрит её в течение 2 рабочих дней<#if due["replacement-review"]??> (срок: ${due["replacement-review"]})</#if> и сообщит вам.

С уважением,
<#if agentName?has_content>${agentName}
</#if>Служба поддержки ${shopName}
