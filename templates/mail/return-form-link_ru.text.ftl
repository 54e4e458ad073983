${customerName?has_content?then("Здравствуйте, " + customerName, "Здравствуйте")}!

Чтобы вернуть товар, заполните, пожалуйста, короткую форму и укажите причину:

${link}

Ссылка действительна 14 дней.

С уважением,
<#if agentName?has_content>${agentName}
</#if>Служба поддержки ${shopName}
