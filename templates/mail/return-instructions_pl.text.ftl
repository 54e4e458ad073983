${customerName?has_content?then("Dzień dobry " + customerName, "Dzień dobry")},

zarejestrowaliśmy wniosek o zwrot<#if orderId?has_content> do zamówienia ${orderId}</#if><#if productSku?has_content> (produkt ${productSku})</#if>.

Co dalej:
1. Zapakuj produkt z akcesoriami oraz paragonem lub potwierdzeniem zamówienia, jeśli je masz.
2. Napisz na paczce numer sprawy ${caseToken}.
3. Wyślij ją w ciągu 14 dni na adres: ${shopName} Zwroty, ul. Magazynowa 1, 00-001 Warszawa.
4. Napiszemy, gdy paczka dotrze, i po sprawdzeniu produktu przekażemy decyzję.

Z pozdrowieniami
<#if agentName?has_content>${agentName}
</#if>Obsługa klienta ${shopName}
