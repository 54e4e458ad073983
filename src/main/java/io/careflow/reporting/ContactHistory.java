package io.careflow.reporting;

import io.careflow.casefile.Channel;
import io.careflow.casefile.ContactEvents;
import io.careflow.casefile.ContactEvents.PastEvent;
import io.careflow.casefile.ContactRepository;
import io.careflow.casefile.ContactRepository.PastContact;
import io.careflow.casefile.ContactStatus;
import io.careflow.communication.Message;
import io.careflow.communication.Message.Direction;
import io.careflow.communication.MessageKind;
import io.careflow.communication.MessageRepository;
import io.careflow.communication.MessageStatus;
import io.careflow.customer.CustomerRepository;
import io.careflow.customer.CustomerRepository.KnownCustomer;
import io.careflow.protocol.returns.ReturnReason;
import io.careflow.protocol.returns.ReturnRequests;
import io.careflow.sla.DeadlineRepository;
import io.careflow.sla.DeadlineRepository.PastDeadline;
import io.careflow.survey.SurveyAnswers;
import io.careflow.survey.SurveyAnswers.Answer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.IntConsumer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finished contacts of a past period written in bulk, no engine: the state a finished case leaves
 * behind (customer and e-mail identity, contact with team, topic, language and first reply, reply
 * deadline met or missed, messages, the events of its timeline, survey answer, return reason with
 * the product). The rows are built here and each table is written by the class that owns it, as one
 * JDBC batch per table and 500 contacts, one transaction per 500. The KPIs, the dashboard and the
 * customer records read these tables only, and {@link ContactRetention} archives these contacts
 * like any other. Used for the demo's past ({@code demo.DemoContacts}) and the KPI query-time
 * benchmark.
 *
 * <p>Deterministic for a seed: the same call writes the same contacts (with new ids).
 */
@Component
public class ContactHistory {

  static final Channel[] CHANNELS = {Channel.EMAIL, Channel.EMAIL, Channel.EMAIL, Channel.CHAT, Channel.CHAT,
      Channel.PHONE, Channel.MISSED_CALL, Channel.WEB_FORM, Channel.SOCIAL, Channel.SMS};
  /** The mix of topics, protocols, teams and texts: data ({@code demo/history-mix.json}), not code. */
  static final List<Mix> MIX = Mix.load();
  /** Products over the categories of routing.dmn, and some it does not know (XYZ-). */
  static final String[] SKU_PREFIXES = {"KET-", "TV-", "SOF-", "SHO-", "PHN-", "JKT-", "LAP-", "COF-", "XYZ-"};
  static final ReturnReason[] REASONS = ReturnReason.values();
  static final String[] LANGUAGES = {"pl", "pl", "pl", "en", "en", "ru"};
  static final String[] FIRST_NAMES = {"Jan", "Anna", "Piotr", "Ewa", "Marek", "Olga", "Tomasz", "Zofia", "Igor",
      "Katarzyna", "John", "Emma", "Dmitri", "Natalia"};
  static final String[] LAST_NAMES = {"Kowalski", "Nowak", "Wiśniewski", "Lis", "Zielińska", "Smith", "Brown",
      "Ivanova", "Petrov", "Wójcik"};
  static final int BATCH = 500;
  /** The reply deadline every contact of the past had: 6 hours, warned at three quarters, escalated at 12. */
  private static final String REPLY_STEP = "reply";
  private static final Duration REPLY_TARGET = Duration.ofHours(6);
  private static final double WARNING_FRACTION = 0.75;

  private final CustomerRepository customers;
  private final ContactRepository contacts;
  private final ContactEvents events;
  private final MessageRepository messages;
  private final DeadlineRepository deadlines;
  private final SurveyAnswers surveys;
  private final ReturnRequests returns;
  private final TransactionTemplate transactions;

  public ContactHistory(CustomerRepository customers, ContactRepository contacts, ContactEvents events,
      MessageRepository messages, DeadlineRepository deadlines, SurveyAnswers surveys, ReturnRequests returns,
      TransactionTemplate transactions) {
    this.customers = customers;
    this.contacts = contacts;
    this.events = events;
    this.messages = messages;
    this.deadlines = deadlines;
    this.surveys = surveys;
    this.returns = returns;
    this.transactions = transactions;
  }

  /**
   * Writes {@code count} finished contacts received between {@code from} and {@code to} (1% still
   * open when {@code someOpen}); one customer in {@code returningOneIn} comes back. Reports the
   * number written after each committed batch.
   */
  public void write(Instant from, Instant to, int count, long seed, boolean someOpen, int returningOneIn,
      String createdBy, IntConsumer progress) {
    var random = new Random(seed);
    List<KnownCustomer> known = new ArrayList<>();
    var batch = new Batch();
    long seconds = Duration.between(from, to).toSeconds();
    for (int i = 0; i < count; i++) {
      // in order of receipt, evenly spread: a customer exists before they come back
      Instant received = from.plusSeconds((long) ((i + random.nextDouble()) / count * seconds));
      KnownCustomer who;
      if (!known.isEmpty() && random.nextInt(returningOneIn) == 0) {
        who = known.get(random.nextInt(known.size()));
      } else {
        String first = FIRST_NAMES[random.nextInt(FIRST_NAMES.length)];
        String last = LAST_NAMES[random.nextInt(LAST_NAMES.length)];
        who = new KnownCustomer(UUID.randomUUID().toString(), first + " " + last,
            LANGUAGES[random.nextInt(LANGUAGES.length)],
            (first + "." + last + "." + known.size() + "@example.com").toLowerCase(), received);
        known.add(who);
        batch.customers.add(who);
      }
      String id = UUID.randomUUID().toString();
      Mix t = Mix.pick(MIX, random);
      boolean open = someOpen && random.nextInt(100) == 0;
      long minutes = (long) Math.min(2000, -Math.log(1 - random.nextDouble()) * 120);
      Instant replied = received.plusSeconds(minutes * 60 + random.nextInt(3600));
      Instant resolved = replied.plusSeconds(random.nextInt(86400));
      Channel channel = CHANNELS[random.nextInt(CHANNELS.length)];
      String sku = random.nextInt(5) == 0 ? null
          : SKU_PREFIXES[random.nextInt(SKU_PREFIXES.length)] + (100 + random.nextInt(100));
      String subject = t.subject(who.language(), sku);
      ContactStatus status = open ? ContactStatus.OPEN
          : random.nextInt(20) == 0 ? ContactStatus.CLOSED : ContactStatus.RESOLVED;
      Boolean firstContactResolved = random.nextInt(4) == 0 ? Boolean.FALSE : null;
      String outcome = open || t.outcomes().isEmpty() ? null : t.outcomes().get(random.nextInt(t.outcomes().size()));
      batch.contacts.add(new PastContact(id, channel.name(), who.id(), who.email(), received, subject, subject,
          t.topic(), t.protocol(), status, who.language(), t.team(), open ? null : replied, open ? null : minutes,
          open ? null : resolved, firstContactResolved, outcome, sku, createdBy));
      // the customer's first words are the contact's own (as the intake keeps them), not a message: a
      // message in is the customer writing again, which first-contact resolution counts against
      batch.events.add(new PastEvent(id, received, ContactEvents.RECEIVED, "intake", channel.name()));
      batch.events.add(new PastEvent(id, received.plusSeconds(1), ContactEvents.CLASSIFIED, ContactEvents.SYSTEM,
          "topic " + t.topic() + ", team " + t.team()));
      if (!open) {
        String agent = t.agent();
        MessageKind kind = random.nextInt(8) == 0 ? MessageKind.QUESTION : MessageKind.ANSWER;
        batch.messages.add(message(id, Direction.OUT, kind, channel, agent, answer(who.language()),
            MessageStatus.SENT, replied));
        batch.events.add(new PastEvent(id, replied, ContactEvents.MESSAGE_SENT, agent, kind + " by " + channel));
        if (random.nextInt(4) == 0) { // a "thank you" now and then: the customer wrote again
          batch.messages.add(message(id, Direction.IN, MessageKind.CUSTOMER, channel, "customer",
              thanks(who.language()), MessageStatus.RECEIVED, resolved));
        }
        batch.events.add(new PastEvent(id, resolved,
            status == ContactStatus.CLOSED ? ContactEvents.CLOSED : ContactEvents.RESOLVED, ContactEvents.SYSTEM,
            null));
      }
      Instant due = received.plus(REPLY_TARGET);
      boolean met = !open && !replied.isAfter(due);
      batch.deadlines.add(new PastDeadline(UUID.randomUUID().toString(), id, REPLY_STEP, REPLY_TARGET,
          WARNING_FRACTION, received, received.plusSeconds(4 * 3600), due, due.plus(REPLY_TARGET),
          open ? null : replied, open ? null : met, open || met ? null : due));
      if (!open && random.nextInt(10) < 3) {
        batch.answers.add(new Answer(id, 1 + random.nextInt(5), random.nextInt(11), 1 + random.nextInt(7), null,
            resolved.plusSeconds(3600)));
      }
      if (t.returnReason() || random.nextInt(10) == 0) {
        batch.returns.add(new ReturnRequests.Return(UUID.randomUUID().toString(), id,
            REASONS[random.nextInt(REASONS.length)], null, received.plusSeconds(600), null));
      }
      if (i % BATCH == BATCH - 1 || i == count - 1) {
        Batch full = batch;
        transactions.executeWithoutResult(tx -> store(full));
        batch = new Batch();
        progress.accept(i + 1);
      }
    }
  }

  /** Each table's rows through its owner, in the order the tables refer to each other. */
  private void store(Batch batch) {
    customers.insertAll(batch.customers);
    contacts.insertAll(batch.contacts);
    messages.insertAll(batch.messages);
    events.recordAll(batch.events);
    deadlines.insertAll(batch.deadlines);
    surveys.insertAll(batch.answers);
    returns.insertAll(batch.returns);
  }

  /** The rows of up to {@link #BATCH} contacts. */
  private static final class Batch {
    final List<KnownCustomer> customers = new ArrayList<>();
    final List<PastContact> contacts = new ArrayList<>();
    final List<Message> messages = new ArrayList<>();
    final List<PastEvent> events = new ArrayList<>();
    final List<PastDeadline> deadlines = new ArrayList<>();
    final List<Answer> answers = new ArrayList<>();
    final List<ReturnRequests.Return> returns = new ArrayList<>();
  }

  private static Message message(String contactId, Direction direction, MessageKind kind, Channel channel,
      String author, String body, MessageStatus status, Instant at) {
    return Message.onContact(UUID.randomUUID().toString(), contactId, direction, kind, channel, author, null, null,
        null, body, status, at, null, null, null);
  }

  /** A topic of the past: its protocol and team, who answered, how it could end, what customers wrote. */
  record Mix(String topic, String protocol, String team, String agent, int weight, List<String> outcomes,
      boolean returnReason, java.util.Map<String, String> subjects, java.util.Map<String, String> noProduct) {

    Mix {
      outcomes = outcomes == null ? List.of() : outcomes;
      noProduct = noProduct == null ? java.util.Map.of() : noProduct;
    }

    static List<Mix> load() {
      try (var in = ContactHistory.class.getResourceAsStream("/demo/history-mix.json")) {
        var root = new com.fasterxml.jackson.databind.ObjectMapper().readTree(in);
        var reader = new com.fasterxml.jackson.databind.ObjectMapper().readerFor(Mix.class);
        var mix = new ArrayList<Mix>();
        for (var node : root.path("topics")) {
          mix.add(reader.readValue(node));
        }
        return List.copyOf(mix);
      } catch (java.io.IOException | RuntimeException e) {
        throw new IllegalStateException("demo/history-mix.json cannot be read", e);
      }
    }

    static Mix pick(List<Mix> mix, Random random) {
      int total = mix.stream().mapToInt(Mix::weight).sum();
      int n = random.nextInt(total);
      for (Mix m : mix) {
        n -= m.weight();
        if (n < 0) {
          return m;
        }
      }
      return mix.get(mix.size() - 1);
    }

    /** What the customer wrote as subject, in {@code language} (else English), naming the product. */
    String subject(String language, String sku) {
      String text = subjects.getOrDefault(language, subjects.get("en"));
      String product = sku != null ? sku : noProduct.getOrDefault(language, noProduct.getOrDefault("en", ""));
      return text.contains("%s") ? text.formatted(product).strip() : text;
    }
  }

  private static String answer(String language) {
    return switch (language) {
      case "pl" -> "Dzień dobry, dziękujemy za wiadomość. Sprawa jest załatwiona.";
      case "ru" -> "Здравствуйте, спасибо за сообщение. Вопрос решён.";
      default -> "Hello, thank you for your message. It is taken care of.";
    };
  }

  private static String thanks(String language) {
    return switch (language) {
      case "pl" -> "Dziękuję!";
      case "ru" -> "Спасибо!";
      default -> "Thank you!";
    };
  }
}
