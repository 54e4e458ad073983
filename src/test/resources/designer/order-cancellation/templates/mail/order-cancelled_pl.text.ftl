${customerName?has_content?then("Dzień dobry " + customerName, "Dzień dobry")},

Twoje zamówienie ${orderId!""} zostało anulowane. Zwrot płatności otrzymasz w ciągu 3 dni roboczych.

Pozdrawiamy,
${shopName}
