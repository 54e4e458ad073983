${customerName?has_content?then("Здравствуйте " + customerName, "Здравствуйте")},

Спасибо за сообщение. Мы не смогли принять эти файлы:
<#list files as file>
- ${file.name}: <#if file.reason == "SIZE">больше ${maxSize}<#else>тип файла, который мы не можем безопасно открыть</#if>
</#list>

Пожалуйста, пришлите их снова как фотографии (JPEG или PNG) или PDF, каждый не больше ${maxSize}: просто ответьте на это письмо, приложив их.

С уважением,
<#if agentName?has_content>${agentName}
</#if>Служба поддержки ${shopName}
