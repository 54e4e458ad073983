${customerName?has_content?then("Здравствуйте, " + customerName, "Здравствуйте")}!

${replyText}

С уважением,
${agentName}
Служба поддержки ${shopName}

Если у вас остались вопросы, просто ответьте на это сообщение — оно придёт напрямую: ${agentName}.
