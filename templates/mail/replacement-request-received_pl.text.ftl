${customerName?has_content?then("Dzień dobry " + customerName, "Dzień dobry")},

Zarejestrowaliśmy wniosek o wymianę. Nasz serwis rozpatrzy go w ciągu 2 dni roboczych i da znać.

Z pozdrowieniami
Obsługa klienta ${shopName}
