${customerName?has_content?then("Здравствуйте, " + customerName, "Здравствуйте")}!

Ваш заказ ${orderId} доставлен (номер отслеживания ${trackingId}).

Надеемся, что всё в порядке. Если что-то не так, просто ответьте на это сообщение.

С уважением,
<#if agentName?has_content>${agentName}
</#if>Служба поддержки ${shopName}
