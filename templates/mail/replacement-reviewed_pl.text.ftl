${customerName?has_content?then("Dzień dobry " + customerName, "Dzień dobry")},

<#if replacementApproved!false>Dobra wiadomość: wymiana została zaakceptowana. Specjalista skontaktuje się, aby ustalić dostawę.<#else>Przykro nam, nie możemy wymienić produktu. ${rejectionReason!}</#if>

Z pozdrowieniami
<#if agentName?has_content>${agentName}
</#if>Obsługa klienta ${shopName}
