${customerName?has_content?then("Здравствуйте " + customerName, "Здравствуйте")},

Как мы и обещали, сообщаем о ходе ремонта или замены вашего товара.

<#if note?has_content>
Текущее состояние:
${note}

</#if>
Если у вас есть вопросы, просто ответьте на это сообщение.

С уважением,
<#if agentName?has_content>${agentName}
</#if>Служба поддержки ${shopName}
