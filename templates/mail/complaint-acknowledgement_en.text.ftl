${customerName?has_content?then("Dear " + customerName, "Dear Customer")},

We have received your complaint and are looking into it now.

You will hear from us with an answer soon.

Kind regards,
${shopName} customer service
