${customerName?has_content?then("Dzień dobry " + customerName, "Dzień dobry")},

Dobra wiadomość: Twoje zamówienie ${orderId} zostało wysłane. Numer przesyłki: ${trackingId}

<#if (expectedDelivery!"")?has_content>
Przewidywany termin dostawy: ${expectedDelivery}

</#if>
Z pozdrowieniami
<#if agentName?has_content>${agentName}
</#if>Obsługa klienta ${shopName}
