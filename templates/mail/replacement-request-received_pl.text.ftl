${customerName?has_content?then("Dzień dobry " + customerName, "Dzień dobry")},

Zarejestrowaliśmy wniosek o wymianę. Nasz serwis rozpatrzy go w ciągu 2 dni roboczych<#if due["replacement-review"]??> (termin: ${due["replacement-review"]})</#if> i da znać.

Z pozdrowieniami
<#if agentName?has_content>${agentName}
</#if>Obsługa klienta ${shopName}
