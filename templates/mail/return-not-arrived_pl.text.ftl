${customerName?has_content?then("Dzień dobry " + customerName, "Dzień dobry")},

W ciągu 21 dni nie otrzymaliśmy zwracanej paczki<#if orderId?has_content> (zamówienie ${orderId})</#if>, dlatego zamknęliśmy zwrot. Jeśli ją Pan/Pani wysłał(a), prosimy odpowiedzieć, podając numer przesyłki, a poszukamy jej.

Z pozdrowieniami
<#if agentName?has_content>${agentName}
</#if>Obsługa klienta ${shopName}
