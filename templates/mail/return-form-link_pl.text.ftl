${customerName?has_content?then("Dzień dobry " + customerName, "Dzień dobry")},

Aby zwrócić produkt, prosimy wypełnić krótki formularz i podać powód:

${link}

Link jest ważny 14 dni.

Z pozdrowieniami
Obsługa klienta ${shopName}
