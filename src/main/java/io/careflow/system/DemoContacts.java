package io.careflow.system;

import io.careflow.contact.ContactIntakeService;
import io.careflow.contact.ContactRepository;
import io.careflow.contact.NewContact;
import io.careflow.contact.NewContact.CustomerDetails;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A few sample contacts on the first demo start, so Tasklist is not empty: they go
 * through the real intake (customer record, process, tasks). Nothing is added once the
 * database holds contacts.
 */
@Component
@Profile("demo")
@ConditionalOnProperty(name = "careflow.demo.sample-contacts", havingValue = "true", matchIfMissing = true)
@Order(30)
public class DemoContacts implements ApplicationRunner {

  private final ContactIntakeService intake;
  private final ContactRepository contacts;

  public DemoContacts(ContactIntakeService intake, ContactRepository contacts) {
    this.intake = intake;
    this.contacts = contacts;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (contacts.count() > 0) {
      return;
    }
    var jan = new CustomerDetails("jan.kowalski@example.com", "+48600100200", "Jan Kowalski", "pl");
    intake.receive(new NewContact("EMAIL", "<demo-1@example.com>", null, jan, "Czas dostawy do Gdańska",
        "Dzień dobry, ile trwa dostawa czajnika KET-200 do Gdańska?", "INQUIRY", null, "KET-200"), "demo");
    intake.receive(new NewContact("EMAIL", "<demo-2@example.com>", null, jan, "Zamówienie PL-2026-000123",
        "Paczka przyszła uszkodzona, karton był rozerwany.", "COMPLAINT", "PL-2026-000123", null), "demo");
    intake.receive(new NewContact("EMAIL", "<demo-3@example.com>", null,
        new CustomerDetails("olga@example.com", null, "Olga Smirnova", "ru"), "Вопрос",
        "Здравствуйте, у меня вопрос по заказу.", null, null, null), "demo");
  }
}
