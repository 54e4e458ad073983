package io.careflow.reporting;

import static io.careflow.system.SqlTimes.utc;

import io.careflow.casefile.ContactEvents;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.IntConsumer;
import javax.sql.DataSource;

/**
 * Finished contacts of a past period written in bulk — JDBC batches into careflow's own tables,
 * no engine: the state a finished case leaves behind (customer and e-mail identity, contact with
 * team, topic, language and first reply, reply deadline met or missed, messages, the events of
 * its timeline, survey answer, return reason with the product). The KPIs, the dashboard and the customer records read these
 * tables only, and {@link ContactRetention} archives these contacts like any other. Used for
 * the demo's past ({@code demo.DemoContacts}) and the KPI query-time benchmark.
 *
 * <p>Deterministic for a seed: the same call writes the same contacts (with new ids).
 */
public final class ContactHistory {

  static final String[] CHANNELS = {"EMAIL", "EMAIL", "EMAIL", "CHAT", "CHAT", "PHONE", "MISSED_CALL", "WEB_FORM",
      "SOCIAL", "SMS"};
  /** The mix of topics, protocols, teams and texts: data ({@code demo/history-mix.json}), not code. */
  static final List<Mix> MIX = Mix.load();
  /** Products over the categories of routing.dmn, and some it does not know (XYZ-). */
  static final String[] SKU_PREFIXES = {"KET-", "TV-", "SOF-", "SHO-", "PHN-", "JKT-", "LAP-", "COF-", "XYZ-"};
  static final String[] REASONS = {"WRONG_SIZE", "NOT_AS_DESCRIBED", "DAMAGED_ON_ARRIVAL", "CHANGED_MIND",
      "FOUND_CHEAPER", "ARRIVED_LATE", "OTHER"};
  static final String[] LANGUAGES = {"pl", "pl", "pl", "en", "en", "ru"};
  static final String[] FIRST_NAMES = {"Jan", "Anna", "Piotr", "Ewa", "Marek", "Olga", "Tomasz", "Zofia", "Igor",
      "Katarzyna", "John", "Emma", "Dmitri", "Natalia"};
  static final String[] LAST_NAMES = {"Kowalski", "Nowak", "Wiśniewski", "Lis", "Zielińska", "Smith", "Brown",
      "Ivanova", "Petrov", "Wójcik"};
  static final int BATCH = 500;

  private final DataSource dataSource;

  public ContactHistory(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Writes {@code count} finished contacts received between {@code from} and {@code to} (1% still
   * open when {@code someOpen}); one customer in {@code returningOneIn} comes back. Reports the
   * number written after each committed batch.
   */
  public void write(Instant from, Instant to, int count, long seed, boolean someOpen, int returningOneIn,
      String createdBy, IntConsumer progress) throws SQLException {
    var random = new Random(seed);
    try (Connection c = dataSource.getConnection()) {
      boolean autoCommit = c.getAutoCommit();
      c.setAutoCommit(false);
      try (PreparedStatement customer = c.prepareStatement(
              "insert into customer (id, name, language, created_at) values (?, ?, ?, ?)");
          PreparedStatement identity = c.prepareStatement("insert into customer_identity (kind, identity_value,"
              + " customer_id, created_at) values ('EMAIL', ?, ?, ?)");
          PreparedStatement contact = c.prepareStatement("insert into contact (id, channel, customer_id,"
              + " customer_email, received_at, subject, topic, protocol, status, language, team, first_reply_at,"
              + " first_reply_working_minutes, resolved_at, first_contact_resolved, outcome, product_sku,"
              + " created_by, body) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
          PreparedStatement message = c.prepareStatement("insert into message (id, contact_id, direction, channel,"
              + " author, body, status, created_at, kind) values (?, ?, ?, ?, ?, ?, ?, ?, ?)");
          PreparedStatement deadline = c.prepareStatement("insert into deadline (id, contact_id, step, target,"
              + " warning_fraction, started_at, warning_at, due_at, escalation_at, completed_at, met, breached_at)"
              + " values (?, ?, 'reply', 'PT6H', 0.75, ?, ?, ?, ?, ?, ?, ?)");
          PreparedStatement event = c.prepareStatement("insert into contact_event (contact_id, occurred_at, type,"
              + " actor, detail) values (?, ?, ?, ?, ?)");
          PreparedStatement survey = c.prepareStatement("insert into survey_answer (id, contact_id, csat, nps, ces,"
              + " answered_at) values (?, ?, ?, ?, ?, ?)");
          PreparedStatement returns = c.prepareStatement("insert into return_request (id, contact_id, reason,"
              + " submitted_at) values (?, ?, ?, ?)")) {
        List<String[]> customers = new ArrayList<>(); // id, e-mail, language
        long seconds = Duration.between(from, to).toSeconds();
        for (int i = 0; i < count; i++) {
          // in order of receipt, evenly spread: a customer exists before they come back
          Instant received = from.plusSeconds((long) ((i + random.nextDouble()) / count * seconds));
          String[] who;
          if (!customers.isEmpty() && random.nextInt(returningOneIn) == 0) {
            who = customers.get(random.nextInt(customers.size()));
          } else {
            String first = FIRST_NAMES[random.nextInt(FIRST_NAMES.length)];
            String last = LAST_NAMES[random.nextInt(LAST_NAMES.length)];
            who = new String[] {UUID.randomUUID().toString(),
                (first + "." + last + "." + customers.size() + "@example.com").toLowerCase(),
                LANGUAGES[random.nextInt(LANGUAGES.length)]};
            customers.add(who);
            customer.setString(1, who[0]);
            customer.setString(2, first + " " + last);
            customer.setString(3, who[2]);
            customer.setObject(4, utc(received));
            customer.addBatch();
            identity.setString(1, who[1]);
            identity.setString(2, who[0]);
            identity.setObject(3, utc(received));
            identity.addBatch();
          }
          String id = UUID.randomUUID().toString();
          Mix t = Mix.pick(MIX, random);
          boolean open = someOpen && random.nextInt(100) == 0;
          long minutes = (long) Math.min(2000, -Math.log(1 - random.nextDouble()) * 120);
          Instant replied = received.plusSeconds(minutes * 60 + random.nextInt(3600));
          Instant resolved = replied.plusSeconds(random.nextInt(86400));
          String channel = CHANNELS[random.nextInt(CHANNELS.length)];
          String sku = random.nextInt(5) == 0 ? null
              : SKU_PREFIXES[random.nextInt(SKU_PREFIXES.length)] + (100 + random.nextInt(100));
          contact.setString(1, id);
          contact.setString(2, channel);
          contact.setString(3, who[0]);
          contact.setString(4, who[1]);
          contact.setObject(5, utc(received));
          contact.setString(6, t.subject(who[2], sku));
          contact.setString(7, t.topic());
          contact.setString(8, t.protocol());
          String status = open ? "OPEN" : random.nextInt(20) == 0 ? "CLOSED" : "RESOLVED";
          contact.setString(9, status);
          contact.setString(10, who[2]);
          contact.setString(11, t.team());
          contact.setObject(12, open ? null : utc(replied));
          contact.setObject(13, open ? null : minutes);
          contact.setObject(14, open ? null : utc(resolved));
          contact.setObject(15, random.nextInt(4) == 0 ? Boolean.FALSE : null);
          contact.setString(16, open || t.outcomes().isEmpty() ? null
              : t.outcomes().get(random.nextInt(t.outcomes().size())));
          contact.setString(17, sku);
          contact.setString(18, createdBy);
          contact.setString(19, t.subject(who[2], sku));
          contact.addBatch();
          // the customer's first words are the contact's own (as the intake keeps them), not a message: a
          // message in is the customer writing again, which first-contact resolution counts against
          event(event, id, received, ContactEvents.RECEIVED, "intake", channel);
          event(event, id, received.plusSeconds(1), ContactEvents.CLASSIFIED, ContactEvents.SYSTEM,
              "topic " + t.topic() + ", team " + t.team());
          if (!open) {
            String agent = t.agent();
            String kind = random.nextInt(8) == 0 ? "QUESTION" : "ANSWER";
            message(message, id, "OUT", channel, agent, answer(who[2]), "SENT", replied, kind);
            event(event, id, replied, ContactEvents.MESSAGE_SENT, agent, kind + " by " + channel);
            if (random.nextInt(4) == 0) { // a "thank you" now and then: the customer wrote again
              message(message, id, "IN", channel, "customer", thanks(who[2]), "RECEIVED", resolved, "CUSTOMER");
            }
          }
          if (!open) {
            event(event, id, resolved, status.equals("CLOSED") ? ContactEvents.CLOSED : ContactEvents.RESOLVED,
                ContactEvents.SYSTEM, null);
          }
          Instant due = received.plusSeconds(6 * 3600);
          boolean met = !open && !replied.isAfter(due);
          deadline.setString(1, UUID.randomUUID().toString());
          deadline.setString(2, id);
          deadline.setObject(3, utc(received));
          deadline.setObject(4, utc(received.plusSeconds(4 * 3600)));
          deadline.setObject(5, utc(due));
          deadline.setObject(6, utc(due.plusSeconds(6 * 3600)));
          deadline.setObject(7, open ? null : utc(replied));
          deadline.setObject(8, open ? null : met);
          deadline.setObject(9, open || met ? null : utc(due));
          deadline.addBatch();
          if (!open && random.nextInt(10) < 3) {
            survey.setString(1, UUID.randomUUID().toString());
            survey.setString(2, id);
            survey.setInt(3, 1 + random.nextInt(5));
            survey.setInt(4, random.nextInt(11));
            survey.setInt(5, 1 + random.nextInt(7));
            survey.setObject(6, utc(resolved.plusSeconds(3600)));
            survey.addBatch();
          }
          if (t.returnReason() || random.nextInt(10) == 0) {
            returns.setString(1, UUID.randomUUID().toString());
            returns.setString(2, id);
            returns.setString(3, REASONS[random.nextInt(REASONS.length)]);
            returns.setObject(4, utc(received.plusSeconds(600)));
            returns.addBatch();
          }
          if (i % BATCH == BATCH - 1 || i == count - 1) {
            for (PreparedStatement s : List.of(customer, identity, contact, message, event, deadline, survey, returns)) {
              s.executeBatch();
            }
            c.commit();
            progress.accept(i + 1);
          }
        }
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(autoCommit);
      }
    }
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

  private static void event(PreparedStatement event, String contactId, Instant at, String type, String actor,
      String detail) throws SQLException {
    event.setString(1, contactId);
    event.setObject(2, utc(at));
    event.setString(3, type);
    event.setString(4, actor);
    event.setString(5, detail);
    event.addBatch();
  }

  private static void message(PreparedStatement message, String contactId, String direction, String channel,
      String author, String body, String status, Instant at, String kind) throws SQLException {
    message.setString(1, UUID.randomUUID().toString());
    message.setString(2, contactId);
    message.setString(3, direction);
    message.setString(4, channel);
    message.setString(5, author);
    message.setString(6, body);
    message.setString(7, status);
    message.setObject(8, utc(at));
    message.setString(9, kind);
    message.addBatch();
  }
}
