package io.careflow.customer;

import io.careflow.customer.CustomerRecord.NoteItem;
import io.careflow.customer.CustomerRecord.OfferItem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.time.Clock;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The customer record: read it, add notes and offers, link addresses, mark VIP, merge two customers. */
@RestController
@Tag(name = "Customers")
public class CustomerController {

  private final CustomerRecordService records;
  private final CustomerService customers;
  private final CustomerNotes notes;
  private final CustomerOffers offers;
  private final CustomerMerges merges;
  private final Clock clock;

  public CustomerController(CustomerRecordService records, CustomerService customers, CustomerNotes notes,
      CustomerOffers offers, CustomerMerges merges, Clock clock) {
    this.records = records;
    this.customers = customers;
    this.notes = notes;
    this.offers = offers;
    this.merges = merges;
    this.clock = clock;
  }

  @Operation(summary = "The customer record: profile, type, contacts in every channel, notes, offers, agents",
      description = "The id of a customer merged into another answers with the surviving customer's record "
          + "(its id differs from the one asked for; Content-Location names it).")
  @GetMapping("/api/customers/{id}")
  public ResponseEntity<CustomerRecord> get(@PathVariable String id) {
    return answer(records.view(id));
  }

  @Operation(summary = "The customer behind an e-mail address, a phone number or a chat or social handle "
      + "(exactly one of them)",
      description = "The phone number may be written any way (+48 600-100-200, 600100200); a handle needs its "
          + "channel (CHAT or SOCIAL: the same handle in the other is another person); 404 when no customer "
          + "has the address.")
  @GetMapping("/api/customers")
  public ResponseEntity<CustomerRecord> find(@RequestParam(required = false) String email,
      @RequestParam(required = false) String phone, @RequestParam(required = false) String handle,
      @RequestParam(required = false) String channel) {
    return answer(records.viewByAddress(email, phone, handle, channel));
  }

  @Operation(summary = "Add a note: a fact the customer shared (family, job, holidays, preferences)")
  @PostMapping(path = "/api/customers/{id}/notes", consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<NoteItem> addNote(@PathVariable String id, @RequestBody(required = false) NewNote note,
      Principal user) {
    return ResponseEntity.status(HttpStatus.CREATED).body(records.note(notes.add(id, note, user.getName())));
  }

  @Operation(summary = "Record an offer made to the customer: what, in which channel, valid until when")
  @PostMapping(path = "/api/customers/{id}/offers", consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<OfferItem> addOffer(@PathVariable String id, @RequestBody(required = false) NewOffer offer,
      Principal user) {
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(records.offer(offers.add(id, offer, user.getName()), clock.instant()));
  }

  @Operation(summary = "Link an e-mail address and/or a phone number to the customer",
      description = "409 when the address belongs to another customer (a team lead merges the two instead).")
  @PostMapping(path = "/api/customers/{id}/identities", consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<CustomerRecord> link(@PathVariable String id,
      @RequestBody(required = false) NewIdentity identity, Principal user) {
    return answer(records.view(customers.link(id, identity, user.getName())));
  }

  @Operation(summary = "Mark the customer VIP, or take the mark away (team leads)")
  @PutMapping(path = "/api/customers/{id}/vip", consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<CustomerRecord> markVip(@PathVariable String id, @RequestBody(required = false) VipMark mark,
      Principal user) {
    return answer(records.view(customers.markVip(id, mark, user.getName())));
  }

  @Operation(summary = "Merge two customers who are one person (team leads)",
      description = "Contacts, addresses, notes and offers of `from` move to `into`; `from` stays as a tombstone "
          + "whose id leads to `into`. Answers with the surviving customer's record.")
  @PostMapping(path = "/api/customers/merge", consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<CustomerRecord> merge(@RequestBody(required = false) MergeRequest merge, Principal user) {
    return answer(records.view(merges.merge(merge, user.getName())));
  }

  private static ResponseEntity<CustomerRecord> answer(CustomerRecord record) {
    return ResponseEntity.ok().header(HttpHeaders.CONTENT_LOCATION, "/api/customers/" + record.id()).body(record);
  }
}
