${customerName?has_content?then("Dzień dobry " + customerName, "Dzień dobry")},

Otrzymaliśmy Pana/Pani reklamację i właśnie się nią zajmujemy.

Wkrótce odezwiemy się z odpowiedzią.

Z pozdrowieniami
Obsługa klienta ${shopName}
