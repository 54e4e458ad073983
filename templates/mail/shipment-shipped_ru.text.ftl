${customerName?has_content?then("Здравствуйте, " + customerName, "Здравствуйте")}!

Хорошая новость: ваш заказ ${orderId} отправлен. Номер отслеживания: ${trackingId}

<#if (expectedDelivery!"")?has_content>
Ожидаемая дата доставки: ${expectedDelivery}

</#if>
С уважением,
<#if agentName?has_content>${agentName}
</#if>Служба поддержки ${shopName}
