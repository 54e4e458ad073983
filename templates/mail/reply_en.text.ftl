${greeting}

${replyText}

${signature}

Just reply to this message if you have any questions — it reaches ${agentName} directly.
