${customerName?has_content?then("Dear " + customerName, "Dear Customer")},

Thank you for contacting us. How did we do? The survey takes less than a minute:

${link}

The link is valid for 28 days and can be used once.

Kind regards,
${shopName} customer service
