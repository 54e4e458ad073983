package io.careflow.contact;

import io.careflow.casefile.Channel;
import io.careflow.contact.NewContact.CustomerDetails;
import io.careflow.customer.ContactAddresses;
import io.careflow.customer.IdentityKind;
import io.careflow.model.TopicCatalog;
import io.careflow.calendar.WorkingTimeCalendar;
import io.careflow.system.RequestValidator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The rules a pushed contact or missed call must meet beyond its fields' own constraints: the
 * fields that depend on each other (the channel decides which address is required, only a web
 * form asks to be called back, …) and the values only careflow can judge (a deployed topic, a
 * phone number, a time zone, clocks that drift). Every bad field is named at once, in one
 * problem+json answer; a request that passes comes back as the values the intake stores.
 */
@Component
class IntakeRules {

  /** Clocks of integrations drift; a contact "received" further in the future is refused. */
  static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);
  /** How far ahead a customer may ask to be called back. */
  static final Duration LATEST_CALL_BACK = Duration.ofDays(30);
  private static final Pattern MEDIA_TYPE = Pattern.compile("[A-Za-z0-9][\\w.+-]*/[A-Za-z0-9][\\w.+-]*(\\s*;.*)?");
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  private final RequestValidator validator;
  private final TopicCatalog topics;
  private final ContactAddresses addresses;
  private final WorkingTimeCalendar calendar;
  private final Clock clock;

  IntakeRules(RequestValidator validator, TopicCatalog topics, ContactAddresses addresses,
      WorkingTimeCalendar calendar, Clock clock) {
    this.validator = validator;
    this.topics = topics;
    this.addresses = addresses;
    this.calendar = calendar;
    this.clock = clock;
  }

  /**
   * What a valid {@link NewContact} says once read: its channel, topic hint, when it was received
   * (null: now), the customer's phone number in one form, when to call back (null: not asked), and
   * the files that came with it, decoded.
   */
  record Accepted(Channel channel, String topic, Instant receivedAt, String phone, Instant callBackAt,
      List<CustomerSentFiles.File> files) {}

  /** What a valid {@link MissedCall} says once read: the phone number in one form, and when (null: now). */
  record AcceptedCall(String phone, Instant at) {}

  /** @throws io.careflow.system.InvalidRequestException naming every bad field */
  Accepted check(NewContact request) {
    var check = validator.check(request);
    if (request == null) {
      check.throwIfInvalid();
    }
    Channel channel = check.oneOf(Channel.class, request.channel(), "channel");
    Instant callBackAt = callBackAt(request, channel, check);
    // a hint names a topic of the deployed classification table (a designer adds topics there);
    // a blank one is no hint
    String topic = check.oneOf(topics.names(), request.topic() == null || request.topic().isBlank() ? null
        : request.topic(), "topic");
    Instant receivedAt = notInTheFuture(check.instant(request.receivedAt(), "receivedAt"), "receivedAt", check);
    if (request.dissatisfaction() != null && !request.dissatisfaction().isBlank()
        && Dissatisfaction.normalized(request.dissatisfaction()) == null) {
      check.add("dissatisfaction", "must be low, medium or high");
    }
    String phone = request.customer() == null ? null : customer(request.customer(), channel, check);
    var files = files(request, check);
    check.throwIfInvalid();
    return new Accepted(channel, topic, receivedAt, phone, callBackAt, files);
  }

  /** @throws io.careflow.system.InvalidRequestException naming every bad field */
  AcceptedCall check(MissedCall call) {
    var check = validator.check(call);
    if (call == null) {
      check.throwIfInvalid();
    }
    String phone = null;
    if (call.phone() != null && !call.phone().isBlank()) {
      phone = validPhone(call.phone(), "phone", check);
    }
    Instant at = notInTheFuture(check.instant(call.at(), "at"), "at", check);
    check.throwIfInvalid();
    return new AcceptedCall(phone, at);
  }

  /**
   * How the customer can be reached, as the channel needs it: replies go back in the channel the
   * customer used (SPEC R1). Returns the phone number in one form, or null.
   */
  private String customer(CustomerDetails customer, Channel channel, RequestValidator.Check check) {
    boolean hasEmail = customer.email() != null && !customer.email().isBlank();
    boolean hasPhone = customer.phone() != null && !customer.phone().isBlank();
    // a blank or too long handle has its problem already (NewContact's constraints)
    boolean hasHandle = customer.handle() != null && !check.hasProblem("customer.handle");
    boolean channelHasHandles = channel != null && IdentityKind.handleOf(channel).isPresent();
    if (hasHandle && channel != null && !channelHasHandles) {
      check.add("customer.handle", "only CHAT and SOCIAL contacts come with a handle");
    }
    if (!hasEmail && !hasPhone && customer.handle() == null) {
      check.add("customer", "email, phone or handle is required");
    } else if (!hasEmail && !hasPhone && channel != null && !channelHasHandles) {
      check.add("customer", "email or phone is required for a " + channel + " contact");
    } else if (channel == Channel.EMAIL && !hasEmail) {
      check.add("customer.email", "is required for an EMAIL contact");
    } else if ((channel == Channel.PHONE || channel == Channel.SMS || channel == Channel.MISSED_CALL)
        && !hasPhone) {
      check.add("customer.phone", "is required for a " + channel + " contact");
    }
    if (customer.timeZone() != null && !customer.timeZone().isBlank()
        && !ZoneId.getAvailableZoneIds().contains(customer.timeZone().strip())) {
      check.add("customer.timeZone", "must be a time zone like Europe/Warsaw");
    }
    return hasPhone ? validPhone(customer.phone(), "customer.phone", check) : null;
  }

  private String validPhone(String phone, String field, RequestValidator.Check check) {
    String normalized = addresses.phone(phone).orElse(null);
    if (normalized == null) {
      check.add(field, "must be a valid phone number, e.g. +48600100200");
    }
    return normalized;
  }

  /**
   * A web form's "call me back" time (SPEC R3): from now (clocks drift: a few minutes back pass)
   * to {@link #LATEST_CALL_BACK} ahead, on a WEB_FORM contact that gives a phone number; moved to
   * the next working instant when the shop is closed then. Null when none was asked for.
   */
  private Instant callBackAt(NewContact request, Channel channel, RequestValidator.Check check) {
    if (request.callBackAt() == null) {
      return null;
    }
    Instant at = check.instant(request.callBackAt(), "callBackAt");
    if (at == null) {
      return null;
    }
    Instant now = clock.instant();
    if (channel != null && channel != Channel.WEB_FORM) {
      check.add("callBackAt", "only a WEB_FORM contact asks to be called back");
    } else if (at.isBefore(now.minus(MAX_CLOCK_SKEW))) {
      check.add("callBackAt", "must not be in the past");
    } else if (at.isAfter(now.plus(LATEST_CALL_BACK))) {
      check.add("callBackAt", "must lie within the next 30 days");
    } else if (request.customer() != null
        && (request.customer().phone() == null || request.customer().phone().isBlank())) {
      check.add("customer.phone", "is required to be called back");
    }
    return calendar.nextWorkingInstant(at.isBefore(now) ? now : at);
  }

  /** {@code at}, unless it lies further in the future than clocks drift. */
  private Instant notInTheFuture(Instant at, String field, RequestValidator.Check check) {
    if (at != null && at.isAfter(clock.instant().plus(MAX_CLOCK_SKEW))) {
      check.add(field, "must not be in the future");
    }
    return at;
  }

  /**
   * The request's files, decoded; a malformed one is a problem naming its field (a file careflow
   * does not take — too large, a type not allowed — is no problem here: it is kept out with why).
   */
  private static List<CustomerSentFiles.File> files(NewContact request, RequestValidator.Check check) {
    if (request.attachments() == null) {
      return List.of();
    }
    var files = new ArrayList<CustomerSentFiles.File>();
    for (int i = 0; i < request.attachments().size(); i++) {
      NewContact.Attachment file = request.attachments().get(i);
      String field = "attachments[" + i + "].";
      if (file == null || file.name() == null || file.contentType() == null || file.contentBase64() == null) {
        continue; // Bean Validation named it
      }
      if (file.name().contains("/") || file.name().contains("\\")) {
        check.add(field + "name", "must be a file name, not a path");
      }
      if (!MEDIA_TYPE.matcher(file.contentType().strip()).matches()) {
        check.add(field + "contentType", "must be a media type like image/jpeg");
      }
      byte[] content = null;
      try {
        // line breaks (MIME style) pass; padding may be left off
        content = Base64.getDecoder().decode(WHITESPACE.matcher(file.contentBase64()).replaceAll(""));
      } catch (IllegalArgumentException e) {
        check.add(field + "contentBase64", "must be the file's content in base64");
      }
      if (content != null) {
        files.add(new CustomerSentFiles.File(file.name().strip(), file.contentType().strip(), content));
      }
    }
    return files;
  }
}
