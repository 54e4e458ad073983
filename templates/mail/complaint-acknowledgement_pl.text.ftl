${customerName?has_content?then("Dzień dobry " + customerName, "Dzień dobry")},

Otrzymaliśmy Pana/Pani reklamację i właśnie się nią zajmujemy.

<#if answerBy?has_content>Odpowiedź otrzyma Pan/Pani najpóźniej w terminie: ${answerBy}.<#else>Odpowiedź otrzyma Pan/Pani w czasie odpowiedzi naszych godzin pracy.</#if>

Z pozdrowieniami
<#if agentName?has_content>${agentName}
</#if>Obsługa klienta ${shopName}
