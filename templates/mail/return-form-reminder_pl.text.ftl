${customerName?has_content?then("Dzień dobry " + customerName, "Dzień dobry")},

Nie otrzymaliśmy jeszcze formularza zwrotu. Można go wypełnić tutaj:

${link}

Z pozdrowieniami
<#if agentName?has_content>${agentName}
</#if>Obsługa klienta ${shopName}
