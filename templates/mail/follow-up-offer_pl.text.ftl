${customerName?has_content?then("Dzień dobry " + customerName, "Dzień dobry")},

Mamy dla Ciebie ofertę, o której rozmawialiśmy.

<#if note?has_content>
Od naszego konsultanta:
${note}

</#if>
<#if offers?has_content>
Twoje aktualne oferty:
<#list offers as offer>
- ${offer.text} (ważna do ${offer.validUntil})
</#list>

</#if>
Aby skorzystać, odpowiedz na tę wiadomość.

Z pozdrowieniami
<#if agentName?has_content>${agentName}
</#if>Obsługa klienta ${shopName}
