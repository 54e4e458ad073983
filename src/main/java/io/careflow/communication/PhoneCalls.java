package io.careflow.communication;

import io.careflow.communication.Message.Direction;
import io.careflow.casefile.Contact;
import io.careflow.casefile.ContactRepository;
import io.careflow.system.NotFoundException;
import io.careflow.system.UserDirectory;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A phone call an agent had with the customer is a reply like a written one (SPEC R3): a
 * call-back that reached the customer is recorded on the contact as the agent's ANSWER, already
 * delivered (the customer heard it), so the relationship — the agent who answered the customer
 * most often, whom routing prefers — counts it like a written reply. Nothing is sent.
 */
@Service
public class PhoneCalls {

  private final MessageRepository messages;
  private final ContactRepository contacts;
  private final UserDirectory users;
  private final Clock clock;

  public PhoneCalls(MessageRepository messages, ContactRepository contacts, UserDirectory users, Clock clock) {
    this.messages = messages;
    this.contacts = contacts;
    this.users = users;
    this.clock = clock;
  }

  /**
   * Records that {@code agent} reached the customer of the contact by phone; {@code notes} (may
   * be null) is what was said.
   *
   * @return the id of the message that records the call
   */
  @Transactional
  public String recordReached(String contactId, String agent, String notes) {
    Contact contact = contacts.find(contactId).orElseThrow(() -> new NotFoundException("No contact " + contactId));
    String body = "Phone call: customer reached" + (notes == null || notes.isBlank() ? "" : ". " + notes.strip());
    return insert(contact, agent, MessageKind.ANSWER, body, clock.instant());
  }

  /**
   * Records what {@code agent} told the customer in a call (a PHONE contact's reply, SPEC R1), as
   * delivered at {@code at}: the customer heard it.
   *
   * @return the id of the message
   */
  String recordSaid(Contact contact, String agent, MessageKind kind, String said, Instant at) {
    return insert(contact, agent, kind, said, at);
  }

  private String insert(Contact contact, String agent, MessageKind kind, String body, Instant at) {
    String id = UUID.randomUUID().toString();
    messages.insert(new Message(id, contact.id(), null, Direction.OUT, kind, contact.channel(), agent,
        users.displayName(agent), contact.customerPhone(), "Phone call", body, MessageStatus.SENT, at, at, null,
        null, null));
    return id;
  }

}
