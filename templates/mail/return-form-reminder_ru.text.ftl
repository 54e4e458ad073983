${customerName?has_content?then("Здравствуйте, " + customerName, "Здравствуйте")}!

Мы ещё не получили форму возврата. Её можно заполнить здесь:

${link}

С уважением,
<#if agentName?has_content>${agentName}
</#if>Служба поддержки ${shopName}
