${customerName?has_content?then("Dzień dobry " + customerName, "Dzień dobry")},

Chcieliśmy zapytać, czy wszystko jest w porządku po naszej ostatniej rozmowie.

<#if note?has_content>
Od naszego konsultanta:
${note}

</#if>
Jeśli coś nadal nie działa tak, jak powinno, odpowiedz na tę wiadomość — zajmiemy się tym.

Z pozdrowieniami
<#if agentName?has_content>${agentName}
</#if>Obsługa klienta ${shopName}
