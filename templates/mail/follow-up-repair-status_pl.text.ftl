${customerName?has_content?then("Dzień dobry " + customerName, "Dzień dobry")},

Jak obiecaliśmy, piszemy z informacją o naprawie lub wymianie Twojego produktu.

<#if note?has_content>
Aktualny stan:
${note}

</#if>
Jeśli masz pytania, po prostu odpowiedz na tę wiadomość.

Z pozdrowieniami
<#if agentName?has_content>${agentName}
</#if>Obsługa klienta ${shopName}
