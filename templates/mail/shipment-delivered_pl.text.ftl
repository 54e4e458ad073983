${customerName?has_content?then("Dzień dobry " + customerName, "Dzień dobry")},

Twoje zamówienie ${orderId} zostało doręczone (numer przesyłki ${trackingId}).

Mamy nadzieję, że wszystko jest w porządku. Jeśli coś się nie zgadza, po prostu odpowiedz na tę wiadomość.

Z pozdrowieniami
<#if agentName?has_content>${agentName}
</#if>Obsługa klienta ${shopName}
