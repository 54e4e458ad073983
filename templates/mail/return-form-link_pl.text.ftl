${customerName?has_content?then("Dzień dobry " + customerName, "Dzień dobry")},

Aby zwrócić produkt, prosimy wypełnić krótki formularz i podać powód:

${link}

Link jest ważny 14 dni.

Z pozdrowieniami
<#if agentName?has_content>${agentName}
</#if>Obsługa klienta ${shopName}
