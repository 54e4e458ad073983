${customerName?has_content?then("Dzień dobry " + customerName, "Dzień dobry")},

Prosimy opisać uszkodzony produkt w tym formularzu — to zajmie chwilę:

${link}

Link jest ważny 14 dni.

Z pozdrowieniami
<#if agentName?has_content>${agentName}
</#if>Obsługa klienta ${shopName}
