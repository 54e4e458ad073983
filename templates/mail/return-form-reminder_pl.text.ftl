${customerName?has_content?then("Dzień dobry " + customerName, "Dzień dobry")},

Nie otrzymaliśmy jeszcze formularza zwrotu. Można go wypełnić tutaj:

${link}

Z pozdrowieniami
Obsługa klienta ${shopName}
