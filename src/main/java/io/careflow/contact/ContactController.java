package io.careflow.contact;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.security.Principal;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Intake of contacts and missed calls, and reading a contact (API.md "Contacts"). */
@RestController
@Tag(name = "Contacts")
public class ContactController {

  private final ContactIntakeService intake;
  private final ContactService contacts;

  public ContactController(ContactIntakeService intake, ContactService contacts) {
    this.intake = intake;
    this.contacts = contacts;
  }

  @Operation(summary = "Register a customer contact and start its process",
      description = "201 with the new contact; 200 with the existing one for the same channel + externalId")
  @PostMapping(path = "/api/contacts", consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<ContactView> create(@RequestBody(required = false) NewContact request, Principal user) {
    return answer(intake.receive(request, user.getName()));
  }

  @Operation(summary = "Register a missed call: the customer is called back within 1 working hour")
  @PostMapping(path = "/api/calls/missed", consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<ContactView> missedCall(@RequestBody(required = false) MissedCall call, Principal user) {
    return answer(intake.receive(call, user.getName()));
  }

  @Operation(summary = "A contact with its status, protocol, SLA and current assignee")
  @GetMapping("/api/contacts/{id}")
  public ContactView get(@PathVariable String id) {
    return contacts.view(id);
  }

  private ResponseEntity<ContactView> answer(ContactIntakeService.Intake intake) {
    ContactView view = contacts.view(intake.contact());
    return intake.created()
        ? ResponseEntity.created(URI.create("/api/contacts/" + view.id())).body(view)
        : ResponseEntity.ok(view);
  }
}
