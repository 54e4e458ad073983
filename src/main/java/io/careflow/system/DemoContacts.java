package io.careflow.system;

import io.careflow.contact.ContactIntakeService;
import io.careflow.contact.ContactRepository;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.careflow.contact.NewContact;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A few sample contacts on the first demo start, so Tasklist is not empty: they go
 * through the real intake (customer record, process, tasks). Nothing is added once the
 * database holds contacts. The contacts are data, {@code demo/contacts.json}, in the shape of
 * {@code POST /api/contacts}: their topic hints are topics of the deployed table, not Java's.
 */
@Component
@Profile("demo")
@ConditionalOnProperty(name = "careflow.demo.sample-contacts", havingValue = "true", matchIfMissing = true)
@Order(30)
public class DemoContacts implements ApplicationRunner {

  static final String FILE = "/demo/contacts.json";

  private final ContactIntakeService intake;
  private final ContactRepository contacts;
  private final ObjectMapper json;

  public DemoContacts(ContactIntakeService intake, ContactRepository contacts, ObjectMapper json) {
    this.intake = intake;
    this.contacts = contacts;
    this.json = json;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (contacts.count() > 0) {
      return;
    }
    for (NewContact contact : samples()) {
      intake.receive(contact, "demo");
    }
  }

  List<NewContact> samples() {
    try (InputStream in = DemoContacts.class.getResourceAsStream(FILE)) {
      return json.readValue(in, new TypeReference<List<NewContact>>() {});
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + FILE, e);
    }
  }
}
