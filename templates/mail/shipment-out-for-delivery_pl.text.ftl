${customerName?has_content?then("Dzień dobry " + customerName, "Dzień dobry")},

Twoje zamówienie ${orderId} jest dziś w doręczeniu u kuriera. Numer przesyłki: ${trackingId}

Prosimy zadbać o to, by ktoś mógł odebrać przesyłkę.

Z pozdrowieniami
<#if agentName?has_content>${agentName}
</#if>Obsługa klienta ${shopName}
