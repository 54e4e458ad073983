${customerName?has_content?then("Dzień dobry " + customerName, "Dzień dobry")},

Nie otrzymaliśmy jeszcze wniosku o wymianę. Można go wysłać tutaj:

${link}

Z pozdrowieniami
<#if agentName?has_content>${agentName}
</#if>Obsługa klienta ${shopName}
