${customerName?has_content?then("Dzień dobry " + customerName, "Dzień dobry")},

Produkt zastępczy jest w drodze. Numer przesyłki: ${trackingNumber!}

Z pozdrowieniami
<#if agentName?has_content>${agentName}
</#if>Obsługa klienta ${shopName}
