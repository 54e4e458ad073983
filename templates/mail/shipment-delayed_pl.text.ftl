${customerName?has_content?then("Dzień dobry " + customerName, "Dzień dobry")},

Bardzo przepraszamy: dostawa Twojego zamówienia ${orderId} się opóźnia.

Nowy przewidywany termin dostawy: ${expectedDelivery}. Numer przesyłki: ${trackingId}

Przepraszamy za niedogodności. Nasz zespół sprawdza przesyłkę i odezwie się, jeśli coś się zmieni.

Z pozdrowieniami
<#if agentName?has_content>${agentName}
</#if>Obsługa klienta ${shopName}
