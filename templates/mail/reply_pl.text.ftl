${greeting}

${replyText}

${signature}

Jeśli mają Państwo pytania, wystarczy odpowiedzieć na tę wiadomość — trafi bezpośrednio do: ${agentName}.
