Dear ${customerName?has_content?then(customerName, "Customer")},

${replyText}

Kind regards,
${agentName}
${shopName} customer service

Just reply to this message if you have any questions — it reaches ${agentName} directly.
