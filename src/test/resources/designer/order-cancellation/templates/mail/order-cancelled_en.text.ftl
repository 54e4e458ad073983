${customerName?has_content?then("Dear " + customerName, "Dear Customer")},

your order ${orderId!""} has been cancelled. You will get your payment back within 3 working days.

Kind regards,
${shopName} customer service
