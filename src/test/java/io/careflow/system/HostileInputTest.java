package io.careflow.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.careflow.casefile.Contact;
import io.careflow.followup.SendFollowUpDelegate;
import io.careflow.protocol.defect.DefectReplacementProcess;
import io.careflow.protocol.returns.ReturnProcess;
import io.careflow.publicpages.PublicLinks;
import io.careflow.support.CareflowIntegrationTest;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import net.jqwik.api.AfterFailureMode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.lifecycle.BeforeProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestContextManager;

/**
 * Hostile input: jqwik generates malformed requests — broken JSON, wrong
 * types, missing, oversized, out-of-range and unparseable fields, wrong content types, forged
 * and mangled link tokens, bad form answers — and sends them over real HTTP to every public
 * and integration endpoint of the shared test careflow. For every single request: no 5xx;
 * not one row more in careflow's tables or the engine's (process instances, tasks, jobs, history)
 * and no link spent; the answer is problem+json naming each bad field (API) or the friendly
 * HTML page of the shop (customers' pages).
 *
 * <p>Run by jqwik's engine; the Spring context is the one every {@link CareflowIntegrationTest}
 * shares (same configuration, so Spring's context cache hands out the same careflow).
 */
class HostileInputTest extends CareflowIntegrationTest {

  static final int TRIES = 1_500;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final Map<String, AtomicInteger> SENT = new ConcurrentHashMap<>();
  private static final String FORM = "application/x-www-form-urlencoded";

  /** Rows careflow or the engine would have written for an accepted request, and spent links. */
  private static final List<String> COUNTED = List.of("customer", "customer_identity", "contact", "message",
      "contact_event", "deadline", "note", "offer", "customer_merge", "follow_up", "public_link", "return_request",
      "replacement_request", "survey_answer", "agent_profile", "routing_decision", "message_attachment",
      "customer_order", "shipment_event", "ACT_RU_EXECUTION", "ACT_RU_TASK", "ACT_RU_JOB", "ACT_HI_PROCINST",
      "ACT_HI_TASKINST", "ACT_RU_VARIABLE");
  private static final String COUNT_SQL = "select " + COUNTED.stream()
      .map(t -> "(select count(*) from " + t + ")").collect(Collectors.joining(", "))
      + ", (select count(*) from public_link where used_at is not null)";

  @Autowired
  PublicLinks links;

  /** Valid, unused links of each page (made once; a malformed request must not spend them). */
  private static Map<String, String> validPages;

  /** Spring's test lifecycle, driven by hand: jqwik is not JUnit Jupiter. */
  private static TestContextManager spring;

  @BeforeContainer
  static void startSpring() throws Exception {
    spring = new TestContextManager(HostileInputTest.class);
    spring.beforeTestClass();
  }

  @BeforeProperty
  void wire() throws Exception {
    spring.prepareTestInstance(this);
    // the coverage listener records per test method; one "method" stands for each property
    spring.beforeTestMethod(this, HostileInputTest.class.getDeclaredMethod("wire"));
    synchronized (HostileInputTest.class) {
      if (validPages == null) {
        Contact contact = intake.receive(emailContact(uniqueEmail("hostile"), "RETURN", "Return", "I return it"),
            "intake").contact();
        validPages = Map.of(
            "return", path(links.issue(contact.id(), ReturnProcess.LINK_PURPOSE, Duration.ofDays(14),
                "/public/returns/")),
            "survey", path(links.issue(contact.id(), SendFollowUpDelegate.SURVEY_PURPOSE,
                SendFollowUpDelegate.SURVEY_VALIDITY, SendFollowUpDelegate.SURVEY_PATH)),
            "replacement", path(links.issue(contact.id(), DefectReplacementProcess.LINK_PURPOSE, Duration.ofDays(14),
                "/public/replacements/")));
      }
    }
  }

  @AfterProperty
  void unwire() throws Exception {
    spring.afterTestMethod(this, HostileInputTest.class.getDeclaredMethod("wire"), null);
  }

  @AfterContainer
  static void report() throws Exception {
    spring.afterTestClass();
    int total = SENT.values().stream().mapToInt(AtomicInteger::get).sum();
    System.out.println("Hostile input: " + total + " malformed requests sent, "
        + new java.util.TreeMap<>(SENT) + "; no 5xx, nothing stored");
  }

  // ---------------------------------------------------------------------------------------
  // POST /api/contacts

  @Property(tries = TRIES, afterFailure = AfterFailureMode.RANDOM_SEED)
  void intakeRefusesMalformedContacts(@ForAll("malformedContacts") Malformed request) {
    sendJson("intake", "/api/contacts", request);
  }

  @Provide
  Arbitrary<Malformed> malformedContacts() {
    Map<String, Arbitrary<Object>> bad = new LinkedHashMap<>();
    bad.put("channel", anyOf(notIn(Set.of("EMAIL", "PHONE", "MISSED_CALL", "CHAT", "WEB_FORM", "SOCIAL",
        "SMS")), Arbitraries.just(MISSING)));
    bad.put("externalId", anyOf(blank(), longText(501)));
    bad.put("receivedAt", anyOf(badInstant(true)));
    bad.put("customer", anyOf(Arbitraries.of(MISSING, Map.of("name", "No Address"), Map.of("email", " ", "phone", ""))));
    bad.put("customer.email", anyOf(noAt(), longText(321).map(s -> s + "@example.com")));
    bad.put("customer.phone", anyOf(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(30),
        Arbitraries.strings().numeric().ofMinLength(41).ofMaxLength(80)));
    bad.put("customer.name", anyOf(longText(201)));
    // a chat or social handle: 1-200 characters, not blank (on the e-mail contact here any handle is refused too)
    bad.put("customer.handle", anyOf(blank(), longText(201)));
    bad.put("customer.language", anyOf(Arbitraries.strings().ofMinLength(0).ofMaxLength(12)
        .filter(s -> !s.matches("[a-zA-Z]{2}"))));
    bad.put("customer.timeZone", anyOf(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(20)
        .map(s -> "Nowhere/" + s), longText(61)));
    bad.put("subject", anyOf(longText(501)));
    // letters only: escaped control characters would make it a (correct) 413 instead
    bad.put("body", anyOf(Arbitraries.strings().withCharRange('a', 'z').ofMinLength(100_001).ofMaxLength(101_000)));
    // the topics of the shipped classification table; a blank hint is no hint
    bad.put("topic", anyOf(notIn(Set.of("COMPLAINT", "DEFECT", "RETURN", "INQUIRY")).filter(s -> !s.isBlank())));
    bad.put("orderId", anyOf(longText(101)));
    bad.put("productSku", anyOf(longText(101)));
    // a call-me time: malformed, in the past, more than 30 days ahead (and on an e-mail contact at all)
    bad.put("callBackAt", anyOf(badInstant(false),
        Arbitraries.integers().between(1, 3_650).map(days -> java.time.OffsetDateTime.now().minusDays(days).toString()),
        Arbitraries.integers().between(31, 3_650).map(days -> java.time.OffsetDateTime.now().plusDays(days).toString())));
    return malformed(this::validContact, bad, Set.of("channel", "customer", "receivedAt", "topic"));
  }

  private Map<String, Object> validContact() {
    Map<String, Object> customer = new LinkedHashMap<>(Map.of("email", uniqueEmail("fuzz"),
        "phone", "+48600100200", "name", "Jan Fuzz", "language", "pl", "timeZone", "Europe/Warsaw"));
    Map<String, Object> contact = new LinkedHashMap<>();
    contact.put("channel", "EMAIL");
    contact.put("externalId", "<" + java.util.UUID.randomUUID() + "@fuzz>");
    contact.put("receivedAt", "2026-11-20T10:00:00+01:00");
    contact.put("customer", customer);
    contact.put("subject", "Broken kettle");
    contact.put("body", "It stopped working.");
    contact.put("topic", "DEFECT");
    contact.put("orderId", "PL-2026-000123");
    contact.put("productSku", "KET-200");
    return contact;
  }

  // ---------------------------------------------------------------------------------------
  // POST /api/calls/missed

  @Property(tries = TRIES, afterFailure = AfterFailureMode.RANDOM_SEED)
  void missedCallsRefuseMalformedCalls(@ForAll("malformedCalls") Malformed request) {
    sendJson("intake", "/api/calls/missed", request);
  }

  @Provide
  Arbitrary<Malformed> malformedCalls() {
    Map<String, Arbitrary<Object>> bad = new LinkedHashMap<>();
    bad.put("callId", anyOf(blank(), longText(201), Arbitraries.just(MISSING)));
    bad.put("phone", anyOf(blank(), Arbitraries.just(MISSING),
        Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(30),
        Arbitraries.strings().numeric().ofMinLength(41).ofMaxLength(60)));
    bad.put("at", anyOf(badInstant(true)));
    return malformed(() -> new LinkedHashMap<>(Map.of("callId", "call-" + java.util.UUID.randomUUID(),
        "phone", "+48600100200", "at", "2026-11-20T10:00:00+01:00")), bad, Set.of("callId", "phone", "at"));
  }

  // ---------------------------------------------------------------------------------------
  // POST /api/shipments/events

  @Property(tries = TRIES, afterFailure = AfterFailureMode.RANDOM_SEED)
  void shipmentsRefuseMalformedEvents(@ForAll("malformedEvents") Malformed request) {
    sendJson("intake", "/api/shipments/events", request);
  }

  @Provide
  Arbitrary<Malformed> malformedEvents() {
    Map<String, Arbitrary<Object>> bad = new LinkedHashMap<>();
    Arbitrary<Object> badId = anyOf(blank(), longText(101), Arbitraries.just(MISSING),
        Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(10).map(s -> s + "\n" + s),
        Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMinLength(1).ofMaxLength(5).map(s -> "PX" + s));
    bad.put("trackingId", badId);
    bad.put("orderId", badId);
    bad.put("status", anyOf(notIn(Set.of("SHIPPED", "OUT_FOR_DELIVERY", "DELAYED", "DELIVERED")),
        Arbitraries.just(MISSING)));
    bad.put("at", anyOf(badInstant(true), Arbitraries.just(MISSING)));
    bad.put("expectedDelivery", anyOf(badInstant(false), Arbitraries.just(BEFORE_AT)));
    bad.put("customer", anyOf(Arbitraries.of(Map.of("name", "Nobody"), Map.of("email", "", "phone", " "))));
    bad.put("customer.phone", anyOf(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(30)));
    return malformed(() -> {
      Map<String, Object> event = new LinkedHashMap<>();
      event.put("trackingId", "PX" + Math.abs(java.util.UUID.randomUUID().getMostSignificantBits()));
      event.put("orderId", "PL-2026-" + java.util.UUID.randomUUID().toString().substring(0, 6));
      event.put("status", "DELAYED");
      event.put("at", "2026-11-20T10:00:00+01:00");
      event.put("expectedDelivery", "2026-11-25T12:00:00+01:00");
      event.put("customer", new LinkedHashMap<>(Map.of("email", uniqueEmail("ship"), "phone", "+48600100201")));
      return event;
    }, bad, Set.of("trackingId", "orderId", "status", "at", "expectedDelivery", "customer"));
  }

  // ---------------------------------------------------------------------------------------
  // GET /api/calendar/due

  @Property(tries = TRIES, afterFailure = AfterFailureMode.RANDOM_SEED)
  void calendarRefusesMalformedQueries(@ForAll("malformedCalendarQueries") Map<String, String> bad,
      @ForAll("calendarUser") String user) {
    Map<String, String> query = new LinkedHashMap<>(Map.of("from", "2026-12-04T15:00:00+01:00", "duration", "PT6H"));
    bad.forEach((field, value) -> {
      if (value == null) {
        query.remove(field);
      } else {
        query.put(field, value);
      }
    });
    String path = "/api/calendar/due?" + query.entrySet().stream()
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    Response response = send("calendar", request(user, path).GET());
    assertProblem(response, 400, bad.keySet().stream()
        .filter(f -> !(f.equals("from") && bad.get(f) == null)).collect(Collectors.toSet()));
  }

  @Provide
  Arbitrary<String> calendarUser() {
    return Arbitraries.of("intake", "anna", "maria");
  }

  @Provide
  Arbitrary<Map<String, String>> malformedCalendarQueries() {
    Arbitrary<String> badDuration = Arbitraries.oneOf(
        Arbitraries.of("", " ", "P", "PT", "PT0S", "P0D", "-PT6H", "PT-6H", "P1Y", "P1M", "P1W", "6h", "PT6H30",
            "P91D", "PT2161H", "P99999999999999999999D", "PT9223372036854775807H", "PT1.5.5S", "P2DT", "null"),
        Arbitraries.strings().ofMinLength(1).ofMaxLength(40).filter(s -> !s.strip().toUpperCase(Locale.ROOT)
            .startsWith("P") && !s.trim().toUpperCase(Locale.ROOT).startsWith("P")));
    Arbitrary<String> badFrom = badInstant(false);
    return Arbitraries.oneOf(
        badDuration.map(d -> Map.of("duration", d)),
        Arbitraries.just(mapOf("duration", null)),
        badFrom.map(f -> Map.of("from", f)),
        Combinators.combine(badFrom, badDuration).as((f, d) -> Map.of("from", f, "duration", d)),
        badFrom.map(f -> mapOf("from", f, "duration", null)));
  }

  // ---------------------------------------------------------------------------------------
  // the customers' pages: return form, replacement request, survey

  @Property(tries = TRIES, afterFailure = AfterFailureMode.RANDOM_SEED)
  void publicPagesRefuseForgedAndMangledLinks(@ForAll("badLinks") String path, @ForAll boolean post) {
    HttpRequest.Builder request = post
        ? request(null, path).header("Content-Type", FORM).POST(HttpRequest.BodyPublishers.ofString(
            "reason=WRONG_SIZE&csat=5&nps=10&ces=7&fault=broken&comment=x"))
        : request(null, path).GET();
    Response response = send("public pages (links)", request);
    if (response.contentType().startsWith("application/problem+json")) {
      // a path not in normal form (%2e, %2f, //) never reaches the page: careflow's firewall answers
      assertThat(response.status()).as(response.describe()).isEqualTo(400);
    } else {
      assertFriendlyPage(response, Set.of(404, 410));
      assertThat(response.body()).as(response.describe()).contains("id=\"refused\"");
    }
  }

  private static final Map<String, String> PAGE_PATHS = Map.of("return", "/public/returns/",
      "survey", "/public/survey/", "replacement", "/public/replacements/");

  private static String tokenOf(String kind) {
    return validPages.get(kind).substring(validPages.get(kind).lastIndexOf('/') + 1);
  }

  /** Forged, mangled and other-purpose tokens on each of the three pages. */
  @Provide
  Arbitrary<String> badLinks() {
    Arbitrary<String> kinds = Arbitraries.of("return", "survey", "replacement");
    Arbitrary<String> random = Arbitraries.strings().ofMinLength(1).ofMaxLength(300)
        .map(s -> URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20"));
    Arbitrary<String> signedLooking = Combinators.combine(
            Arbitraries.create(() -> java.util.UUID.randomUUID().toString()),
            Arbitraries.strings().withChars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
                .ofLength(43))
        .as((id, sig) -> id + "." + sig);
    Arbitrary<String> fixed = Arbitraries.of("%00", "..%2f..%2fetc%2fpasswd", "%2e%2e", "a%5cb", "x".repeat(5000),
        "%C0%AF", "%25ZZ", "$%7B7*7%7D", "%7B%7B7*7%7D%7D", "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "'%20or%20'1'='1",
        "a;jsessionid=1", "a.b.c", ".", "a.");
    Arbitrary<String> foreign = Arbitraries.oneOf(random, signedLooking, fixed);
    // the genuine links of this careflow with the signature changed, cut, extended or replaced
    Arbitrary<String> tampered = Combinators.combine(kinds, Arbitraries.integers().between(0, 4),
            Arbitraries.chars().alpha())
        .as((kind, how, c) -> {
          String token = tokenOf(kind);
          String mangled = switch (how) {
            // another last character: never the one it had (a token ending in Q drawn with c = Q stayed genuine)
            case 0 -> token.substring(0, token.length() - 1)
                + (token.endsWith(String.valueOf(c)) ? (c == 'Q' ? "R" : "Q") : String.valueOf(c));
            case 1 -> token.substring(0, token.length() - 2);
            case 2 -> token + c;
            case 3 -> token.substring(0, token.indexOf('.') + 1) + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(new byte[32]);
            default -> token.substring(0, token.indexOf('.'));
          };
          return PAGE_PATHS.get(kind) + mangled;
        });
    // a genuine token on a page of another purpose
    Arbitrary<String> otherPurpose = Combinators.combine(kinds, kinds).as((page, link) -> page.equals(link) ? null
        : PAGE_PATHS.get(page) + tokenOf(link)).filter(java.util.Objects::nonNull);
    return Arbitraries.oneOf(Combinators.combine(kinds, foreign).as((kind, token) -> PAGE_PATHS.get(kind) + token),
        tampered, otherPurpose);
  }

  @Property(tries = TRIES, afterFailure = AfterFailureMode.RANDOM_SEED)
  void returnFormRefusesBadAnswers(@ForAll("badReturnForms") String form, @ForAll("formContentTypes") String type) {
    Response response = send("return form", request(null, validPages.get("return"))
        .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofString(form)));
    assertFriendlyPage(response, Set.of(400));
    assertThat(response.body()).as(response.describe()).contains("id=\"error\"");
  }

  @Provide
  Arbitrary<String> badReturnForms() {
    Arbitrary<String> badReason = Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(40)
        .filter(s -> !java.util.Arrays.stream(
            io.careflow.protocol.returns.ReturnReason.values()).map(Enum::name).collect(Collectors.toSet()).contains(s)), Arbitraries.just(null));
    Arbitrary<String> anyComment = Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(200), Arbitraries.just(null));
    return Arbitraries.oneOf(
        Combinators.combine(badReason, anyComment).as((r, c) -> form("reason", r, "comment", c)),
        longText(2001).map(c -> form("reason", "WRONG_SIZE", "comment", c)),
        blank().map(c -> form("reason", "OTHER", "comment", c)),
        Arbitraries.just(form("reason", "OTHER")),
        Arbitraries.strings().ofMaxLength(300).map(s -> "reason=%ZZ&" + s));
  }

  @Property(tries = TRIES, afterFailure = AfterFailureMode.RANDOM_SEED)
  void surveyRefusesBadAnswers(@ForAll("badSurveys") Malformed form, @ForAll("formContentTypes") String type) {
    Response response = send("survey", request(null, validPages.get("survey"))
        .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofString(form.body())));
    assertFriendlyPage(response, Set.of(400));
    for (String field : type.equals(FORM) ? form.fields() : Set.<String>of()) {
      assertThat(response.body()).as(response.describe()).contains("id=\"error-" + field + "\"");
    }
    if (!type.equals(FORM)) {
      assertThat(response.body()).as(response.describe()).contains("id=\"error-csat\"");
    }
  }

  @Provide
  Arbitrary<Malformed> badSurveys() {
    Arbitrary<String> csat = badScore(1, 5);
    Arbitrary<String> nps = badScore(0, 10);
    Arbitrary<String> ces = badScore(1, 7);
    Arbitrary<String> comment = Arbitraries.oneOf(Arbitraries.just(null), Arbitraries.strings().ofMaxLength(100),
        longText(2001));
    return Combinators.combine(Arbitraries.oneOf(csat, Arbitraries.just("3")),
            Arbitraries.oneOf(nps, Arbitraries.just("8")), Arbitraries.oneOf(ces, Arbitraries.just("5")), comment)
        .as((a, b, c, d) -> {
          Set<String> fields = new TreeSet<>();
          if (!"3".equals(a)) {
            fields.add("csat");
          }
          if (!"8".equals(b)) {
            fields.add("nps");
          }
          if (!"5".equals(c)) {
            fields.add("ces");
          }
          if (d != null && d.strip().length() > 2000) {
            fields.add("comment");
          }
          return new Malformed(form("csat", a, "nps", b, "ces", c, "comment", d), fields, false);
        })
        .filter(m -> !m.fields().isEmpty());
  }

  private static Arbitrary<String> badScore(int min, int max) {
    return Arbitraries.oneOf(
        Arbitraries.just(null), Arbitraries.just(""),
        Arbitraries.integers().between(Integer.MIN_VALUE, min - 1).map(String::valueOf),
        Arbitraries.integers().between(max + 1, Integer.MAX_VALUE).map(String::valueOf),
        Arbitraries.of("1.5", "1e3", "0x3", "٣", "NaN", "99999999999999999999", "--1", " ", "3 3"),
        Arbitraries.strings().ofMinLength(1).ofMaxLength(20).filter(s -> !s.strip().matches("[+-]?\\d+")));
  }

  @Property(tries = TRIES / 3, afterFailure = AfterFailureMode.RANDOM_SEED)
  void replacementRequestRefusesBadAnswers(@ForAll("badReplacementForms") String form,
      @ForAll("formContentTypes") String type) {
    Response response = send("replacement request", request(null, validPages.get("replacement"))
        .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofString(form)));
    assertFriendlyPage(response, Set.of(400));
    assertThat(response.body()).as(response.describe()).contains("id=\"error\"");
  }

  @Provide
  Arbitrary<String> badReplacementForms() {
    return Arbitraries.oneOf(
        blank().map(f -> form("product", "Kettle", "fault", f)),
        Arbitraries.just(form("product", "Kettle", "order", "PL-1")),
        longText(2001).map(f -> form("fault", f)),
        longText(101).map(p -> form("product", p, "fault", "broken")),
        longText(101).map(o -> form("order", o, "fault", "broken")));
  }

  @Provide
  Arbitrary<String> formContentTypes() {
    return Arbitraries.frequency(net.jqwik.api.Tuple.of(8, FORM), net.jqwik.api.Tuple.of(1, "application/json"),
        net.jqwik.api.Tuple.of(1, "text/plain"));
  }

  // ---------------------------------------------------------------------------------------
  // generators shared by the JSON endpoints

  private static final String BEFORE_AT = "2026-11-01T10:00:00Z";

  /** Marks a field to leave out of the JSON. */
  static final Object MISSING = new Object() {
    @Override
    public String toString() {
      return "<missing>";
    }
  };

  /**
   * A request that must be refused: its body, the fields a correct answer names (empty when
   * the JSON itself is broken and no field can be named), and whether any one of them is
   * enough (the JSON parser stops at the first field of a wrong type).
   */
  record Malformed(String body, Set<String> fields, boolean anyField) {
    @Override
    public String toString() {
      return "fields " + fields + ", body " + (body.length() > 500 ? body.substring(0, 500) + "… (" + body.length()
          + " chars)" : body);
    }
  }

  /**
   * Valid requests with 1 to 3 fields made invalid (every one must be named), with fields of
   * a wrong JSON type, broken JSON, JSON of the wrong shape, nesting bombs and bodies over the
   * size limit.
   */
  private Arbitrary<Malformed> malformed(java.util.function.Supplier<Map<String, Object>> valid,
      Map<String, Arbitrary<Object>> badValues, Set<String> typeConfusable) {
    List<String> fields = new ArrayList<>(badValues.keySet());
    Arbitrary<Map<String, Object>> mutations = Arbitraries.subsetOf(fields).ofMinSize(1).ofMaxSize(3)
        // a replaced or missing customer has no fields of its own to break
        .filter(chosen -> !(chosen.contains("customer") && chosen.stream().anyMatch(f -> f.startsWith("customer."))))
        .flatMap(chosen -> {
          List<Arbitrary<Object>> values = chosen.stream().map(badValues::get).toList();
          return Combinators.combine(values).as(vs -> {
            Map<String, Object> m = new LinkedHashMap<>();
            int i = 0;
            for (String field : chosen) {
              m.put(field, vs.get(i++));
            }
            return m;
          });
        });
    Arbitrary<Malformed> invalidFields = mutations
        // "expected before at" says nothing when at itself is broken
        .filter(m -> !(m.containsKey("at") && BEFORE_AT.equals(m.get("expectedDelivery"))))
        .map(m -> {
          Map<String, Object> body = valid.get();
          m.forEach((field, value) -> set(body, field, value));
          return new Malformed(json(body), new TreeSet<>(m.keySet()), false);
        });
    Arbitrary<Malformed> wrongTypes = Combinators.combine(Arbitraries.of(List.copyOf(typeConfusable)),
            Arbitraries.of(List.of(1, 2), Map.of("$gt", ""), List.of(), Map.of()))
        .as((field, value) -> {
          Map<String, Object> body = valid.get();
          body.put(field, value);
          return new Malformed(json(body), Set.of(field), true);
        });
    Arbitrary<Malformed> brokenJson = Arbitraries.oneOf(
        Arbitraries.integers().between(0, 60).map(cut -> {
          String body = json(valid.get());
          return body.substring(0, Math.min(cut, body.length() - 1));
        }),
        Arbitraries.strings().ofMaxLength(200).filter(s -> !s.isBlank() && !isJsonObject(s)),
        Arbitraries.of("[]", "null", "1", "\"text\"", "true", "[{}]", "{\"channel\": EMAIL}", "{'a': 1}",
            "{\"a\": 1,}", "{\"a\": NaN}", "{\"a\": \"\\uZZZZ\"}", "", " "),
        Arbitraries.integers().between(1_001, 3_000).map(depth -> "{\"x\":" + "[".repeat(depth) + "]".repeat(depth)
            + "}"))
        .map(body -> new Malformed(body, Set.of(), false));
    Arbitrary<Malformed> tooLarge = Arbitraries.integers().between(270_000, 400_000)
        .map(size -> {
          Map<String, Object> body = valid.get();
          body.put("padding", "x".repeat(size));
          return new Malformed(json(body), Set.of("<413>"), false);
        });
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(12, invalidFields),
        net.jqwik.api.Tuple.of(3, wrongTypes),
        net.jqwik.api.Tuple.of(4, brokenJson),
        net.jqwik.api.Tuple.of(1, tooLarge),
        net.jqwik.api.Tuple.of(1, Arbitraries.of("text/plain", "application/xml", FORM)
            .map(type -> new Malformed(json(valid.get()), Set.of("<415:" + type + ">"), false))),
        net.jqwik.api.Tuple.of(1, Arbitraries.strings().ofMinLength(1).ofMaxLength(40)
            .map(s -> new Malformed("\u00ff\u00fe" + s, Set.of("<latin1>"), false))));
  }

  private static boolean isJsonObject(String s) {
    try {
      return JSON.readTree(s) instanceof com.fasterxml.jackson.databind.node.ObjectNode;
    } catch (Exception e) {
      return false;
    }
  }

  @SuppressWarnings("unchecked")
  private static void set(Map<String, Object> body, String field, Object value) {
    if (field.startsWith("customer.")) {
      Object customer = body.get("customer");
      if (customer instanceof Map<?, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) map);
        if (value == MISSING) {
          copy.remove(field.substring("customer.".length()));
        } else {
          copy.put(field.substring("customer.".length()), value);
        }
        body.put("customer", copy);
      }
      return;
    }
    if (value == MISSING) {
      body.remove(field);
    } else if (field.equals("customer") && value instanceof Map<?, ?> map) {
      body.put(field, new LinkedHashMap<>(map));
    } else {
      body.put(field, value);
    }
  }

  private static Arbitrary<String> notIn(Set<String> allowed) {
    return Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(30),
        Arbitraries.of(allowed).map(s -> s.toLowerCase(Locale.ROOT)),
        Arbitraries.of(allowed).map(s -> " " + s),
        Arbitraries.of(allowed).map(s -> s + "\u0000"))
        .filter(s -> !allowed.contains(s));
  }

  private static Arbitrary<String> blank() {
    return Arbitraries.strings().withChars(" \t\n\r\u000b\f").ofMinLength(0).ofMaxLength(5);
  }

  private static Arbitrary<String> longText(int minLength) {
    // never blank at either end: the pages strip text before they measure it
    return Arbitraries.strings().alpha().numeric().withChars(" <>&\"'{}$#%ąęł")
        .ofMinLength(minLength - 2).ofMaxLength(minLength + 300).map(s -> "x" + s + "x");
  }

  private static Arbitrary<String> noAt() {
    return Arbitraries.strings().ofMinLength(1).ofMaxLength(40).filter(s -> !s.isBlank() && !s.contains("@"));
  }

  /**
   * Not an instant with offset: anything unparseable, a date or time alone, no offset, and
   * instants no shop ever saw (far future; with {@code futureMatters} also years beyond 9999).
   */
  private static Arbitrary<String> badInstant(boolean futureMatters) {
    Arbitrary<String> unparseable = Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(40),
        Arbitraries.of("2026-12-04", "15:00", "2026-12-04T15:00:00", "2026-12-04T15:00:00+25:00",
            "2026-02-30T10:00:00Z", "2026-12-04T24:01:00Z", "1733324400", "2026-12-04 15:00:00+01:00",
            "+2026-12-04T15:00:00Z", "-0001-01-01T00:00:00Z", "2026-12-04T15:00:00.0000000000Z", "now", "null", ""))
        .filter(HostileInputTest::unparseable);
    Arbitrary<String> absurd = Arbitraries.oneOf(
        Arbitraries.integers().between(10_000, 999_999_999).map(y -> "+" + y + "-01-01T00:00:00Z"),
        Arbitraries.integers().between(-999_999_999, -1).map(y -> String.format("%05d", y) + "-01-01T00:00:00Z")
            .filter(s -> !unparseable(s)),
        Arbitraries.of("+999999999-12-31T23:59:59.999999999-18:00", "-999999999-01-01T00:00:00+18:00"));
    return (futureMatters ? Arbitraries.oneOf(unparseable, absurd,
        Arbitraries.integers().between(2, 5_000).map(days -> OffsetDateTime.parse("2026-11-30T10:00:00+01:00")
            .plusYears(1).plusDays(days).toString()))
        : Arbitraries.oneOf(unparseable, absurd));
  }

  /** Any arbitrary as one of JSON values (Object), so different kinds mix in one field. */
  @SafeVarargs
  private static Arbitrary<Object> anyOf(Arbitrary<?>... choices) {
    List<Arbitrary<Object>> all = new ArrayList<>();
    for (Arbitrary<?> choice : choices) {
      all.add(choice.map(x -> (Object) x));
    }
    return Arbitraries.oneOf(all);
  }

  private static boolean unparseable(String s) {
    for (String candidate : List.of(s, s.trim(), s.strip())) {
      try {
        OffsetDateTime.parse(candidate);
        return false;
      } catch (DateTimeParseException e) {
        // unparseable this way too
      }
    }
    return true;
  }

  private static String form(String... namesAndValues) {
    var parts = new ArrayList<String>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      if (namesAndValues[i + 1] != null) {
        parts.add(namesAndValues[i] + "=" + URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8));
      }
    }
    return String.join("&", parts);
  }

  private static Map<String, String> mapOf(String... namesAndValues) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      map.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return map;
  }

  private static String json(Object body) {
    try {
      return JSON.writeValueAsString(body);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  // ---------------------------------------------------------------------------------------
  // sending and checking

  record Response(int status, String body, String contentType, String request) {
    String describe() {
      return request + " → " + status + " " + contentType + ": "
          + (body.length() > 400 ? body.substring(0, 400) + "…" : body);
    }
  }

  private void sendJson(String user, String path, Malformed request) {
    String type = "application/json";
    byte[] bytes = request.body().getBytes(StandardCharsets.UTF_8);
    String marker = request.fields().isEmpty() ? "" : request.fields().iterator().next();
    if (marker.startsWith("<415:")) {
      type = marker.substring(5, marker.length() - 1);
    } else if (marker.equals("<latin1>")) {
      bytes = request.body().getBytes(StandardCharsets.ISO_8859_1);
    }
    Response response = send(path, request(user, path).header("Content-Type", type)
        .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)));
    if (marker.equals("<413>")) {
      assertProblem(response, 413, Set.of());
    } else if (marker.startsWith("<415:")) {
      assertThat(response.status()).as(response.describe()).isIn(415, 400);
      assertProblem(response, response.status(), Set.of());
    } else if (request.anyField()) {
      assertProblem(response, 400, Set.of());
      assertThat(named(response)).as(response.describe()).containsAnyElementsOf(request.fields());
    } else if (marker.equals("<latin1>")) {
      assertProblem(response, 400, Set.of());
    } else {
      assertProblem(response, 400, request.fields());
    }
  }

  private HttpRequest.Builder request(String user, String path) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl() + path))
        .timeout(Duration.ofSeconds(30));
    if (user != null) {
      builder.header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
    }
    return builder;
  }

  /** Sends one request and checks what holds for every malformed request: no 5xx, nothing stored. */
  private Response send(String endpoint, HttpRequest.Builder builder) {
    List<Long> before = counts();
    HttpRequest request = builder.build();
    Response response;
    try {
      HttpResponse<String> raw = CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      response = new Response(raw.statusCode(), raw.body(),
          raw.headers().firstValue("Content-Type").orElse(""), request.method() + " " + request.uri());
    } catch (java.io.IOException e) {
      throw new AssertionError(request.method() + " " + request.uri() + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
    SENT.computeIfAbsent(endpoint, k -> new AtomicInteger()).incrementAndGet();
    assertThat(response.status()).as(response.describe()).isBetween(400, 499);
    List<Long> after = counts();
    if (!after.equals(before)) {
      var changed = new LinkedHashMap<String, String>();
      for (int i = 0; i < before.size(); i++) {
        if (!before.get(i).equals(after.get(i))) {
          changed.put(i < COUNTED.size() ? COUNTED.get(i) : "public_link (spent)", before.get(i) + " → " + after.get(i));
        }
      }
      throw new AssertionError("A malformed request stored something: " + changed + "; " + response.describe());
    }
    return response;
  }

  private List<Long> counts() {
    return jdbc.sql(COUNT_SQL).query((rs, n) -> {
      var row = new ArrayList<Long>();
      for (int i = 1; i <= COUNTED.size() + 1; i++) {
        row.add(rs.getLong(i));
      }
      return row;
    }).single();
  }

  private static void assertProblem(Response response, int status, Set<String> fields) {
    assertThat(response.status()).as(response.describe()).isEqualTo(status);
    assertThat(response.contentType()).as(response.describe()).startsWith("application/problem+json");
    JsonNode problem;
    try {
      problem = JSON.readTree(response.body());
    } catch (Exception e) {
      throw new AssertionError("Not JSON: " + response.describe(), e);
    }
    assertThat(problem.path("status").asInt()).as(response.describe()).isEqualTo(status);
    assertThat(problem.path("title").asText()).as(response.describe()).isNotBlank();
    if (!fields.isEmpty()) {
      assertThat(named(response)).as(response.describe()).containsAll(fields);
    }
    assertThat(response.body()).as("no internals leak: " + response.describe())
        .doesNotContain("Exception", "at io.careflow", "org.springframework", "SQL");
  }

  private static Set<String> named(Response response) {
    try {
      Set<String> names = new TreeSet<>();
      JSON.readTree(response.body()).path("errors").forEach(e -> names.add(e.path("field").asText()));
      return names;
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static void assertFriendlyPage(Response response, Set<Integer> statuses) {
    assertThat(response.status()).as(response.describe()).isIn(statuses);
    assertThat(response.contentType()).as(response.describe()).startsWith("text/html");
    assertThat(response.body()).as(response.describe()).contains("<!DOCTYPE html>").contains("class=\"shop\"")
        .doesNotContain("Whitelabel", "Exception", "Apache Tomcat", "at io.careflow");
  }

  private static String path(String url) {
    return URI.create(url).getRawPath();
  }
}
