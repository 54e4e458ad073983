${customerName?has_content?then("Здравствуйте " + customerName, "Здравствуйте")},

Как и обещали, присылаем наше предложение.

<#if note?has_content>
От нашего консультанта:
${note}

</#if>
<#if offers?has_content>
Ваши действующие предложения:
<#list offers as offer>
- ${offer.text} (действует до ${offer.validUntil})
</#list>

</#if>
Чтобы воспользоваться им, просто ответьте на это сообщение.

С уважением,
<#if agentName?has_content>${agentName}
</#if>Служба поддержки ${shopName}
