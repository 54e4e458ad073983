${customerName?has_content?then("Dzień dobry " + customerName, "Dzień dobry")},

Dziękujemy za wiadomość. Nie mogliśmy przyjąć tych plików:
<#list files as file>
- ${file.name}: <#if file.reason == "SIZE">większy niż ${maxSize}<#else>rodzaj pliku, którego nie możemy bezpiecznie otworzyć</#if>
</#list>

Prosimy przesłać je ponownie jako zdjęcia (JPEG lub PNG) albo PDF, każdy do ${maxSize}: wystarczy odpowiedzieć na tę wiadomość z załącznikami.

Z pozdrowieniami
<#if agentName?has_content>${agentName}
</#if>Obsługa klienta ${shopName}
