${customerName?has_content?then("Dzień dobry " + customerName, "Dzień dobry")},

Otrzymaliśmy i sprawdziliśmy zwrot. Wymieniony produkt jest w drodze.

Z pozdrowieniami
Obsługa klienta ${shopName}
