${customerName?has_content?then("Dear " + customerName, "Dear Customer")},

We have received and checked your return, but we cannot accept it. ${returnDecisionReason!}

Kind regards,
${shopName} customer service
