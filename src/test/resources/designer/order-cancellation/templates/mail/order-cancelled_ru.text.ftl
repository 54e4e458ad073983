${customerName?has_content?then("Здравствуйте, " + customerName, "Здравствуйте")},

ваш заказ ${orderId!""} отменён. Деньги вернутся в течение 3 рабочих дней.

С уважением,
${shopName}
