package io.careflow.scenario;

import io.careflow.communication.Message;
import io.careflow.scenario.Scenario.ContactSent;
import io.careflow.scenario.Scenario.CustomerForm;
import io.careflow.scenario.Scenario.Intake;
import io.careflow.scenario.Scenario.MissedCall;
import io.careflow.support.Http;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The customer of a scenario as careflow meets them: through a channel integration (the contact,
 * a missed call, their answers on the case) and through the public pages their links open.
 * A new customer on every run ({@link UniqueCustomer}).
 */
final class TheCustomer {

  /** Channel integrations push contacts and the customers' answers. */
  static final String INTEGRATION = "intake";

  private static final Pattern PUBLIC_LINK = Pattern.compile("https?://[^/\\s]+(/public/[^\\s\"'<>]+)");
  private static final Pattern PAGE_FIELD = Pattern.compile("name=\"([^\"]+)\"");

  private final Careflow careflow;
  private final Http http;
  private final UniqueCustomer unique = UniqueCustomer.newRun();
  private String email;

  TheCustomer(Careflow careflow) {
    this.careflow = careflow;
    this.http = careflow.http();
  }

  /** The customer's e-mail address in this run, or null. */
  String email() {
    return email;
  }

  /** The contact reaches careflow; returns its id. */
  String contacts(Intake intake) {
    Http.Response response;
    if (intake instanceof ContactSent sent) {
      email = unique.email(sent.customer().email());
      Map<String, Object> customer = new LinkedHashMap<>();
      customer.put("name", sent.customer().name());
      customer.put("email", email);
      customer.put("phone", unique.phone(sent.customer().phone()));
      customer.put("handle", unique.handle(sent.customer().handle()));
      customer.put("language", sent.customer().language());
      Map<String, Object> contact = new LinkedHashMap<>();
      contact.put("channel", sent.channel());
      contact.put("externalId", "<scenario-" + UUID.randomUUID() + "@scenarios.careflow>");
      contact.put("customer", customer);
      contact.put("subject", sent.subject());
      contact.put("body", sent.body());
      contact.put("topic", sent.topicHint());
      contact.put("orderId", sent.order());
      contact.put("productSku", sent.product());
      response = http.postJson(INTEGRATION, "/api/contacts", contact);
    } else {
      MissedCall call = (MissedCall) intake;
      response = http.postJson(INTEGRATION, "/api/calls/missed",
          Map.of("callId", "scenario-" + UUID.randomUUID(), "phone", unique.phone(call.phone())));
    }
    if (response.status() != 201) {
      throw new Mismatch("careflow did not take the contact: " + response.status() + " " + response.body());
    }
    return response.json().get("id").asText();
  }

  void answers(String contactId, String text) {
    Http.Response response = http.postJson(INTEGRATION, "/api/contacts/" + contactId + "/messages",
        Map.of("body", text, "externalId", "scenario-answer-" + UUID.randomUUID()));
    if (response.status() != 202) {
      throw new Mismatch("careflow did not take the customer's answer: " + response.status() + " " + response.body());
    }
  }

  /** The parcel the customer sent back reaches the warehouse, which reports it with its notes. */
  void parcelArrives(String contactId, String notes) {
    Http.Response response = http.postJson(INTEGRATION, "/api/returns/" + contactId + "/arrival",
        Map.of("parcelNotes", notes));
    if (response.status() != 204) {
      throw new Mismatch("careflow did not take the returned parcel: " + response.status() + " " + response.body());
    }
  }

  /** The page behind the newest link the shop sent (return form, replacement request, survey), sent back filled in. */
  void fillsIn(String contactId, CustomerForm form) {
    String page = newestLink(contactId);
    Http.Response shown = http.get(null, page);
    if (shown.status() == 200) {
      // a misspelt field would be ignored by the page: the scenario would test less than it says
      Set<String> fields = new TreeSet<>();
      Matcher input = PAGE_FIELD.matcher(shown.body());
      while (input.find()) {
        fields.add(input.group(1));
      }
      List<String> unknown = form.fields().keySet().stream().filter(f -> !fields.contains(f)).toList();
      if (!unknown.isEmpty()) {
        throw new Mismatch("not on the customer's page: " + unknown + " (its fields: " + fields + ")");
      }
    }
    String body = form.fields().entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
        + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    Http.Response response = http.post(null, page, "application/x-www-form-urlencoded", body);
    int expected = form.refused() ? 400 : 200;
    if (response.status() != expected) {
      throw new Mismatch("expected the page " + page.replaceAll("/[^/]+$", "/…") + " to answer " + expected
          + (form.refused() ? " (refused)" : "") + ", it answered " + response.status());
    }
  }

  private String newestLink(String contactId) {
    List<Message> sent = careflow.messages().ofContact(contactId).stream()
        .filter(m -> m.direction() == Message.Direction.OUT).toList();
    String page = null;
    for (Message message : sent) {
      Matcher link = PUBLIC_LINK.matcher(message.body() == null ? "" : message.body());
      if (link.find()) {
        page = link.group(1);
      }
    }
    if (page == null) {
      throw new Mismatch("the customer got no link to a page (messages so far: " + sent.size() + ")");
    }
    return page;
  }
}
