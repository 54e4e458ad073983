${customerName?has_content?then("Dear " + customerName, "Dear Customer")},

Your replacement is on its way. Tracking number: ${trackingNumber!}

Kind regards,
${shopName} customer service
