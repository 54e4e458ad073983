${customerName?has_content?then("Dzień dobry " + customerName, "Dzień dobry")},

Otrzymaliśmy i sprawdziliśmy zwrot. Zwrot pieniędzy jest w drodze.

Z pozdrowieniami
Obsługa klienta ${shopName}
