package io.careflow.communication;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A channel (or an agent) hands in the customer's answer on an existing case. */
@RestController
@Tag(name = "Contacts")
public class CustomerMessageController {

  private final CustomerReplies replies;

  public CustomerMessageController(CustomerReplies replies) {
    this.replies = replies;
  }

  @Operation(summary = "The customer's message on an existing case",
      description = "Stored on the contact; a case waiting for the customer resumes (its reply clock restarts). "
          + "202 for a new message, 200 when the same externalId was received before.")
  @PostMapping(path = "/api/contacts/{id}/messages", consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<CustomerReplies.Received> receive(@PathVariable String id,
      @RequestBody(required = false) CustomerMessage message, Principal user) {
    CustomerReplies.Received received = replies.receive(id, message, user.getName());
    return ResponseEntity.status(received.duplicate() ? HttpStatus.OK : HttpStatus.ACCEPTED).body(received);
  }
}
