${customerName?has_content?then("Здравствуйте, " + customerName, "Здравствуйте")}!

Мы ещё не получили вашу заявку на замену. Её можно отправить здесь:

${link}

С уважением,
<#if agentName?has_content>${agentName}
</#if>Служба поддержки ${shopName}
