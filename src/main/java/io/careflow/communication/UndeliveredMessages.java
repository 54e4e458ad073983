package io.careflow.communication;

import io.careflow.casefile.ContactEvents;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * A sending step gave up (SPEC R1: a message careflow could not hand over is not an answer): its
 * last attempt failed, the engine opened an incident. The message the step was sending — the
 * notice it recorded, or the agent's reply it was given, both under the step as {@code source} — becomes
 * UNDELIVERED, lands on the contact's timeline with the reason, and the team leads are told
 * (once per message). The reply clock is not touched: it runs on and the watcher breaches the
 * deadline as for any answer not given.
 */
@Service
public class UndeliveredMessages {

  private final MessageRepository messages;
  private final ContactEvents events;
  private final ApplicationEventPublisher publisher;

  public UndeliveredMessages(MessageRepository messages, ContactEvents events, ApplicationEventPublisher publisher) {
    this.messages = messages;
    this.events = events;
    this.publisher = publisher;
  }

  /**
   * The step {@code activityId} of {@code processInstanceId} failed for the last time with
   * {@code reason}; a step that was sending no customer message is left alone.
   *
   * @return the message marked undelivered, if the step was sending one
   */
  public Optional<Message> stepGaveUp(String processInstanceId, String activityId, String reason) {
    Optional<Message> sending = messages.findPendingBySource(processInstanceId + ":" + activityId);
    if (sending.isEmpty() || !messages.markUndelivered(sending.get().id())) {
      return Optional.empty();
    }
    Message message = sending.get();
    String why = reason == null || reason.isBlank() ? "the channel did not take it" : reason.strip();
    if (message.contactId() != null) {
      events.record(message.contactId(), ContactEvents.MESSAGE_UNDELIVERED, ContactEvents.SYSTEM,
          message.kind().name().toLowerCase(Locale.ROOT) + " to " + message.recipient() + " by "
              + message.channel() + " not delivered: " + why
              + " — not an answer, the reply clock runs on; team leads told, incident open");
    }
    publisher.publishEvent(new MessageUndelivered(message, processInstanceId, why));
    return Optional.of(message);
  }
}
