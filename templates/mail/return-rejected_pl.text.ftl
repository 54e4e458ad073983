${customerName?has_content?then("Dzień dobry " + customerName, "Dzień dobry")},

Otrzymaliśmy i sprawdziliśmy zwrot, ale nie możemy go przyjąć. ${returnDecisionReason!}

Z pozdrowieniami
Obsługa klienta ${shopName}
