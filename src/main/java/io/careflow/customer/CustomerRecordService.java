package io.careflow.customer;

import io.careflow.customer.CustomerRecord.AgentItem;
import io.careflow.casefile.CasePaths;
import io.careflow.customer.CustomerRecord.ContactItem;
import io.careflow.customer.CustomerRecord.NoteItem;
import io.careflow.customer.CustomerRecord.OfferItem;
import io.careflow.customer.CustomerRecord.Outcome;
import io.careflow.customer.CustomerRepository.AgentReplies;
import io.careflow.customer.CustomerRepository.ContactLine;
import io.careflow.calendar.BusinessHoursProperties;
import io.careflow.system.NotFoundException;
import io.careflow.system.InvalidRequestException;
import io.careflow.system.InvalidRequestException.FieldProblem;
import io.careflow.system.UserDirectory;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;

/** Reads the whole customer record for the API, by id or by one of the customer's addresses. */
@Service
public class CustomerRecordService {

  private static final Set<String> CLOSED = Set.of("RESOLVED", "CLOSED");

  private final CustomerService customerService;
  private final CustomerRepository customers;
  private final CustomerNotes notes;
  private final CustomerOffers offers;
  private final CustomerTypes types;
  private final ContactAddresses addresses;
  private final UserDirectory users;
  private final BusinessHoursProperties shopTime;
  private final Clock clock;

  public CustomerRecordService(CustomerService customerService, CustomerRepository customers, CustomerNotes notes,
      CustomerOffers offers, CustomerTypes types, ContactAddresses addresses, UserDirectory users,
      BusinessHoursProperties shopTime, Clock clock) {
    this.customerService = customerService;
    this.customers = customers;
    this.notes = notes;
    this.offers = offers;
    this.types = types;
    this.addresses = addresses;
    this.users = users;
    this.shopTime = shopTime;
    this.clock = clock;
  }

  /** The record; the id of a customer merged away gives the survivor's. */
  public CustomerRecord view(String customerId) {
    Customer customer = customerService.get(customerId);
    String id = customer.id();
    Instant now = clock.instant();
    List<ContactLine> contacts = customers.contacts(id, null, 0);
    List<AgentItem> agents = customers.agents(id).stream().map(this::agent).toList();
    return new CustomerRecord(id, customer.name(), customer.language(),
        types.of(customer.vip(), contacts.size()), customer.vip(),
        customers.vipChange(id).map(v -> new CustomerRecord.VipMarking(v.by(), at(v.at()), v.reason())).orElse(null),
        at(customer.createdAt()),
        customers.identities(id).stream()
            .map(i -> new CustomerRecord.Address(i.kind(), i.value(), at(i.since()), i.linkedBy())).toList(),
        contacts.stream().map(this::contact).toList(),
        notes.of(id, 0).stream().map(this::note).toList(),
        offers.of(id).stream().map(o -> offer(o, now)).toList(),
        customers.plannedFollowUps(id).stream().map(f -> new CustomerRecord.FollowUpItem(f.id(), f.contactId(),
            f.type(), at(f.plannedFor()), f.note(), f.by())).toList(),
        customers.surveyAnswers(id).stream().map(a -> new CustomerRecord.SurveyItem(a.contactId(), a.csat(), a.nps(),
            a.ces(), a.comment(), at(a.answeredAt()))).toList(),
        agents, agents.isEmpty() ? null : agents.get(0),
        customers.mergesInto(id).stream().map(m -> new CustomerRecord.MergeItem(m.from(), m.by(), at(m.at()),
            m.reason(), m.moved().contacts(), m.moved().identities(), m.moved().notes(), m.moved().offers()))
            .toList());
  }

  /**
   * The customer behind exactly one of an e-mail address, a phone number (written any way) or a
   * chat or social handle ({@code channel} CHAT or SOCIAL: the same handle in the other family is
   * another person).
   */
  public CustomerRecord viewByAddress(String email, String phone, String handle, String channel) {
    var problems = new ArrayList<FieldProblem>();
    boolean hasEmail = email != null && !email.isBlank();
    boolean hasPhone = phone != null && !phone.isBlank();
    boolean hasHandle = handle != null && !handle.isBlank();
    if ((hasEmail ? 1 : 0) + (hasPhone ? 1 : 0) + (hasHandle ? 1 : 0) != 1) {
      for (String field : new String[] {"email", "phone", "handle"}) {
        problems.add(new FieldProblem(field, "give exactly one of email, phone and handle"));
      }
    }
    String normalisedPhone = null;
    if (hasPhone) {
      normalisedPhone = addresses.phone(phone).orElse(null);
      if (normalisedPhone == null) {
        problems.add(new FieldProblem("phone", "must be a valid phone number, e.g. +48600100200"));
      }
    }
    IdentityKind family = null;
    if (hasHandle) {
      family = channel == null ? null : switch (channel.strip()) {
        case "CHAT" -> IdentityKind.CHAT;
        case "SOCIAL" -> IdentityKind.SOCIAL;
        default -> null;
      };
      if (family == null) {
        problems.add(new FieldProblem("channel", "with a handle: CHAT or SOCIAL"));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    String customerId = (hasEmail ? customers.findByIdentity(IdentityKind.EMAIL, addresses.email(email))
        : hasPhone ? customers.findByIdentity(IdentityKind.PHONE, normalisedPhone)
        : customers.findByIdentity(family, handle.strip()))
        .orElseThrow(() -> new NotFoundException(
            "No customer with this " + (hasEmail ? "e-mail address" : hasPhone ? "phone number" : "handle")));
    return view(customerId);
  }

  public NoteItem note(Note n) {
    return new NoteItem(n.id(), n.text(), n.author(), users.displayName(n.author()), at(n.createdAt()),
        n.contactId());
  }

  public OfferItem offer(Offer o, Instant now) {
    return new OfferItem(o.id(), o.text(), o.channel(), o.offeredBy(), users.displayName(o.offeredBy()),
        at(o.createdAt()), at(o.validUntil()), o.openAt(now), o.contactId());
  }

  private ContactItem contact(ContactLine c) {
    Outcome outcome = CLOSED.contains(c.status()) ? Outcome.RESOLVED
        : c.replies() > 0 ? Outcome.ANSWERED : Outcome.UNANSWERED;
    return new ContactItem(c.id(), c.channel(), c.topic(), c.status(), outcome, at(c.receivedAt()), c.subject(),
        c.replies(), at(c.resolvedAt()), CasePaths.page(c.id()));
  }

  private AgentItem agent(AgentReplies a) {
    return new AgentItem(a.userId(), users.displayName(a.userId()), a.replies(), at(a.lastReplyAt()));
  }

  private OffsetDateTime at(Instant instant) {
    return instant == null ? null : instant.atZone(shopTime.zone()).toOffsetDateTime();
  }
}
