package io.careflow.customer;

import io.careflow.customer.CustomerRepository.AgentReplies;
import io.careflow.customer.CustomerRepository.ContactLine;
import io.careflow.calendar.BusinessHoursProperties;
import io.careflow.system.UserDirectory;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * What an agent needs to know about a customer at a glance, in every task form (SPEC R1:
 * what was said on the phone is known in the next chat): the customer's type, language
 * and preferred agent, their last contacts in every channel, the notes agents wrote and
 * the offers still open. A few lines per section: the whole record is one API call away.
 */
@Component
public class CustomerHistory {

  static final int SUMMARY_CONTACTS = 5;
  static final int SUMMARY_NOTES = 3;
  static final int SUMMARY_OFFERS = 3;
  static final int SUMMARY_NOTE_LENGTH = 200;
  private static final Set<String> CLOSED = Set.of("RESOLVED", "CLOSED");

  private final CustomerService customerService;
  private final CustomerRepository customers;
  private final CustomerNotes notes;
  private final CustomerOffers offers;
  private final CustomerTypes types;
  private final UserDirectory users;
  private final BusinessHoursProperties shopTime;

  public CustomerHistory(CustomerService customerService, CustomerRepository customers,
      CustomerNotes notes, CustomerOffers offers, CustomerTypes types, UserDirectory users,
      BusinessHoursProperties shopTime) {
    this.customerService = customerService;
    this.customers = customers;
    this.notes = notes;
    this.offers = offers;
    this.types = types;
    this.users = users;
    this.shopTime = shopTime;
  }

  public String displayName(String customerId, String fallback) {
    return customers.name(customerId).filter(name -> !name.isBlank()).orElse(fallback);
  }

  /** The customer's time zone, if known. */
  public java.util.Optional<java.time.ZoneId> timeZone(String customerId) {
    return customers.timeZone(customerId).filter(zone -> zone != null && java.time.ZoneId.getAvailableZoneIds().contains(zone))
        .map(java.time.ZoneId::of);
  }

  /** The customer's language, if known (null: the shop's default applies). */
  public String language(String customerId) {
    return customerId == null ? null : customers.language(customerId).orElse(null);
  }

  /**
   * The messages exchanged on a contact after the first one, oldest first: who wrote, when,
   * and what — so the agent sees the customer's answer to a question in the next task.
   */
  public String conversation(String contactId) {
    return String.join("\n\n", customers.conversation(contactId).stream()
        .map(m -> "— %s, %s:\n%s".formatted(shopTime.local(m.at()),
            "IN".equals(m.direction()) ? "the customer"
                : m.authorName() + ("QUESTION".equals(m.kind()) ? " (question)" : ""),
            m.body()))
        .toList());
  }

  /**
   * The summary shown in the task forms of one contact; that contact itself is left out
   * (its message is shown beside it) and does not count towards the customer type.
   */
  public String summary(String customerId, String excludingContactId) {
    Customer customer = customerService.get(customerId);
    String id = customer.id();
    var text = new StringBuilder();

    long earlier = customers.contactCount(id, excludingContactId);
    List<AgentReplies> agents = customers.agents(id);
    text.append("Customer type: ").append(types.of(customer.vip(), earlier))
        .append(" · language: ").append(customer.language() == null ? "unknown" : customer.language())
        .append(" · preferred agent: ").append(agents.isEmpty() ? "none yet"
            : users.displayName(agents.get(0).userId()) + " (" + replies(agents.get(0).replies()) + ")");

    List<ContactLine> contacts = customers.contacts(id, excludingContactId, SUMMARY_CONTACTS);
    if (contacts.isEmpty()) {
      text.append("\n\nFirst contact of this customer.");
    } else {
      text.append("\n\nLast contacts:");
      contacts.forEach(c -> text.append("\n").append(contactLine(c)));
      if (earlier > contacts.size()) {
        text.append("\n… and ").append(earlier - contacts.size()).append(" earlier contacts");
      }
    }

    List<Note> latestNotes = notes.of(id, SUMMARY_NOTES);
    text.append("\n\nNotes:");
    if (latestNotes.isEmpty()) {
      text.append(" none");
    }
    latestNotes.forEach(n -> text.append("\n").append(shopTime.local(n.createdAt()), 0, 10).append(" · ")
        .append(users.displayName(n.author())).append(": ").append(oneLine(n.text())));
    long allNotes = latestNotes.size() < SUMMARY_NOTES ? latestNotes.size() : notes.count(id);
    if (allNotes > latestNotes.size()) {
      text.append("\n… and ").append(allNotes - latestNotes.size()).append(" older notes");
    }

    List<Offer> open = offers.open(id);
    text.append("\n\nOpen offers:");
    if (open.isEmpty()) {
      text.append(" none");
    }
    open.stream().limit(SUMMARY_OFFERS).forEach(o -> text.append("\n").append(oneLine(o.text()))
        .append(" · valid until ").append(shopTime.local(o.validUntil()))
        .append(" · by ").append(users.displayName(o.offeredBy())));
    if (open.size() > SUMMARY_OFFERS) {
      text.append("\n… and ").append(open.size() - SUMMARY_OFFERS).append(" more open offers");
    }
    return text.toString();
  }

  /** When, channel, topic, status (with whether the shop replied) and subject. */
  private String contactLine(ContactLine c) {
    String status = CLOSED.contains(c.status()) ? c.status()
        : c.status() + (c.replies() > 0 ? ", answered" : ", no reply yet");
    return "%s · %s · %s · %s%s".formatted(shopTime.local(c.receivedAt()), c.channel(),
        c.topic() == null ? "topic not set" : c.topic(), status, c.subject() == null ? "" : " · " + c.subject());
  }

  private static String replies(int count) {
    return count == 1 ? "1 reply" : count + " replies";
  }

  private static String oneLine(String text) {
    String line = text.replaceAll("\\s+", " ").strip();
    return line.length() > SUMMARY_NOTE_LENGTH ? line.substring(0, SUMMARY_NOTE_LENGTH - 1) + "…" : line;
  }
}
