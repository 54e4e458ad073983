${customerName?has_content?then("Здравствуйте, " + customerName, "Здравствуйте")}!

Мы не получили возвращённую посылку<#if orderId?has_content> (заказ ${orderId})</#if> в течение 21 дня, поэтому закрыли возврат. Если вы её отправили, ответьте, пожалуйста, с номером отправления, и мы её поищем.

С уважением,
<#if agentName?has_content>${agentName}
</#if>Служба поддержки ${shopName}
