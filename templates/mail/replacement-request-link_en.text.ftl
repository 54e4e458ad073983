${customerName?has_content?then("Dear " + customerName, "Dear Customer")},

Please tell us about the broken product with this form — it takes a minute:

${link}

The link is valid for 14 days.

Kind regards,
${shopName} customer service
