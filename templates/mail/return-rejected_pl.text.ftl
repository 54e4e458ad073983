${customerName?has_content?then("Dzień dobry " + customerName, "Dzień dobry")},

Otrzymaliśmy i sprawdziliśmy zwrot, ale nie możemy go przyjąć. ${returnDecisionReason!}

Z pozdrowieniami
<#if agentName?has_content>${agentName}
</#if>Obsługa klienta ${shopName}
