${customerName?has_content?then("Здравствуйте, " + customerName, "Здравствуйте")}!

Замена уже в пути. Номер отслеживания: ${trackingNumber!}

С уважением,
Служба поддержки ${shopName}
