${customerName?has_content?then("Здравствуйте " + customerName, "Здравствуйте")},

мы зарегистрировали заявку на возврат<#if orderId?has_content> по заказу ${orderId}</#if><#if productSku?has_content> (товар ${productSku})</#if>.

Что делать дальше:
1. Упакуйте товар вместе с аксессуарами и чеком или подтверждением заказа, если они есть.
2. Напишите на посылке номер обращения ${caseToken}.
3. Отправьте её в течение 14 дней по адресу: ${shopName} Returns, ul. Magazynowa 1, 00-001 Warszawa.
4. Мы напишем, когда посылка придёт, и после проверки сообщим решение.

С уважением,
<#if agentName?has_content>${agentName}
</#if>Служба поддержки ${shopName}
