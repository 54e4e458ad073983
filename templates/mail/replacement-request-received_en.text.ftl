${customerName?has_content?then("Dear " + customerName, "Dear Customer")},

We have registered your replacement request. Our service team reviews it within 2 working days and lets you know.

Kind regards,
${shopName} customer service
