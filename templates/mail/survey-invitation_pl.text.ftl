${customerName?has_content?then("Dzień dobry " + customerName, "Dzień dobry")},

Dziękujemy za kontakt. Jak oceniasz naszą pomoc? Ankieta zajmie mniej niż minutę:

${link}

Link jest ważny 28 dni i można go użyć raz.

Z pozdrowieniami
<#if agentName?has_content>${agentName}
</#if>Obsługa klienta ${shopName}
