${customerName?has_content?then("Здравствуйте, " + customerName, "Здравствуйте")}!

Ваш заказ ${orderId} сегодня передан курьеру для доставки. Номер отслеживания: ${trackingId}

Пожалуйста, позаботьтесь, чтобы кто-нибудь мог принять посылку.

С уважением,
<#if agentName?has_content>${agentName}
</#if>Служба поддержки ${shopName}
