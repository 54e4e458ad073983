${customerName?has_content?then("Dzień dobry " + customerName, "Dzień dobry")},

Otrzymaliśmy i sprawdziliśmy zwrot. Zwrot pieniędzy jest w drodze.

Z pozdrowieniami
<#if agentName?has_content>${agentName}
</#if>Obsługa klienta ${shopName}
