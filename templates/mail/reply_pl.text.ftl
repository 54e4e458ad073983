${customerName?has_content?then("Dzień dobry " + customerName, "Dzień dobry")},

${replyText}

Z pozdrowieniami
${agentName}
Obsługa klienta ${shopName}

Jeśli mają Państwo pytania, wystarczy odpowiedzieć na tę wiadomość — trafi bezpośrednio do: ${agentName}.
