${customerName?has_content?then("Dzień dobry " + customerName, "Dzień dobry")},

Trzy razy próbowaliśmy oddzwonić, ale nie udało się połączyć. Prosimy odpowiedzieć na tę wiadomość lub zadzwonić, kiedy będzie wygodnie.

Z pozdrowieniami
<#if agentName?has_content>${agentName}
</#if>Obsługa klienta ${shopName}
