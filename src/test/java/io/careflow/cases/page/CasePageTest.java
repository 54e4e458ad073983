package io.careflow.cases.page;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.careflow.casefile.CaseRecords;
import io.careflow.casefile.CaseVariables;
import io.careflow.casefile.ContactRepository;
import io.careflow.contact.ContactProcess;
import io.careflow.protocol.complaint.ComplaintProcess;
import io.careflow.protocol.complaint.ComplaintProcess.Elements;
import io.careflow.sla.DeadlineWatchProcess;
import io.careflow.support.Http;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.runtime.Job;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The case page on H2: a finished complaint that breached its deadline (every section), a running
 * one with its open task, one whose acknowledgement raised an incident; who may open which case;
 * the 404 and 400 pages.
 */
class CasePageTest extends BreachedComplaint {

  @Autowired
  CasePageService pages;

  @Autowired
  ObjectMapper json;

  @Autowired
  List<CaseRecords> records;

  @Autowired
  ContactRepository contacts;

  @Test
  void shouldTellTheWholeStoryOfAFinishedComplaintThatMissedItsDeadline() throws Exception {
    breachedAndFinishedComplaint();

    Http.Response response = http.get("maria", "/cases/" + contact.id());

    assertThat(response.status()).as(response.body()).isEqualTo(200);
    Document page = Jsoup.parse(response.body());
    assertThat(page.select("#header-status").text()).isEqualTo("RESOLVED");
    assertThat(page.select("#header-topic").text()).isEqualTo("COMPLAINT");
    assertThat(page.select("#header-protocol").text()).startsWith("complaint version ");
    assertThat(page.select("#header-outcome").text()).contains("COMPLAINT_JUSTIFIED");
    assertThat(page.select("#header-agents").text()).contains("Anna Nowak", "Maria Wiśniewska");
    assertThat(page.select("#header-customer a").attr("href")).startsWith("/api/customers/");
    assertThat(page.select("#header-received").text()).isEqualTo("2026-11-30 10:00");
    assertThat(page.select("#header-first-reply").text()).isNotEqualTo("no reply yet");

    // the deadline: target, the SLA policy row, breached, missed
    var deadline = page.select("#deadlines-table tr.deadline").first();
    assertThat(deadline.classNames()).contains("missed");
    assertThat(deadline.text()).contains("reply", reply.target().toString(), "sla-policy rule_", "breached ",
        "warned ", "missed: done");

    // the conversation: what the customer wrote, the acknowledgement, anna's answer with its delivery
    var messages = page.select("#conversation article.message");
    assertThat(messages.first().select(".body").text()).contains("The kettle broke after a week. </script>");
    assertThat(messages).anySatisfy(m -> {
      assertThat(m.select(".body").text()).isEqualTo(REPLY);
      assertThat(m.classNames()).contains("out");
      assertThat(m.select("header").text()).contains("answer", "EMAIL").contains("sent");
    });
    assertThat(messages).anySatisfy(m -> assertThat(m.select("header").text()).contains("notice"));

    // the decisions, in the tables' words: which SLA row gave the deadline and from which inputs
    var sla = page.select("article.decision[data-key=sla-policy]").first();
    assertThat(sla).as("the decision that set the deadline").isNotNull();
    assertThat(sla.select(".rule").text()).startsWith("Row " + reply.policyRule());
    assertThat(sla.select(".inputs").text()).contains("EMAIL", "reply");
    assertThat(sla.select(".decided").text()).contains(reply.target().toString());
    assertThat(page.select("article.decision").eachAttr("data-key")).contains(ContactProcess.DECISION_CLASSIFICATION,
        ContactProcess.DECISION_COMMUNICATION_STYLE, ComplaintProcess.DECISION_COMPENSATION_APPROVAL, "routing");
    var approval = page.select("article.decision[data-key=compensation-approval]").first();
    assertThat(approval.select(".inputs").text()).contains("150");
    assertThat(page.select("article.decision[data-key=routing]").text()).contains("Anna Nowak");

    // the timeline without the engine's step rows by default, every kind on request
    assertThat(page.select("#timeline-table tr").eachText()).anyMatch(t -> t.contains("SLA_BREACHED"))
        .noneMatch(t -> t.contains("ACTIVITY_ENTERED"));
    Document onlyBreach = Jsoup.parse(http.get("maria", "/cases/" + contact.id() + "?kind=SLA_BREACHED").body());
    assertThat(onlyBreach.select("#timeline-table tr.kind-SLA_BREACHED")).hasSize(1);
    assertThat(onlyBreach.select("#timeline-table tr")).hasSize(2);

    // the diagrams: the contact process, its protocol and the deadline's watch, the path marked
    JsonNode diagrams = json.readTree(page.select("#case-diagrams").first().data());
    assertThat(diagrams.findValuesAsText("key")).contains(ContactProcess.KEY, ComplaintProcess.KEY,
        DeadlineWatchProcess.KEY);
    JsonNode complaintElements = diagram(diagrams, ComplaintProcess.KEY).get("elements");
    assertThat(markers(complaintElements, Elements.USER_INVESTIGATE_COMPLAINT)).contains("visited")
        .doesNotContain("current", "open-task");
    assertThat(complaintElements.get(Elements.USER_APPROVE_COMPENSATION).get("happenings").toString())
        .contains("completed", "Maria Wiśniewska");
    assertThat(markers(diagram(diagrams, ContactProcess.KEY).get("elements"), ContactProcess.Elements.CALL_PROTOCOL))
        .contains("visited");
    assertThat(diagram(diagrams, DeadlineWatchProcess.KEY).get("elements").toString()).contains("timer-fired");
    assertThat(diagram(diagrams, ComplaintProcess.KEY).get("xml").asText()).contains("<bpmn:");

    // customer text stays text: nothing the customer wrote ends the JSON or opens a script
    assertThat(response.body()).doesNotContain("<script>alert").contains("&lt;/script&gt;&lt;script&gt;");
    assertThat(page.select("script")).hasSize(3);
    assertThat(response.header("Content-Security-Policy")).contains("script-src 'self'");
  }

  @Test
  void shouldMarkWhereARunningCaseStandsAndLinkItFromTheTaskForm() {
    openComplaint();

    var page = pages.of(contact.id()).orElseThrow();

    var elements = page.diagrams().stream().filter(d -> d.key().equals(ComplaintProcess.KEY)).findFirst()
        .orElseThrow().elements();
    assertThat(elements.get(Elements.USER_INVESTIGATE_COMPLAINT).markers()).contains("visited", "current",
        "open-task");
    assertThat(elements.get(Elements.USER_INVESTIGATE_COMPLAINT).happenings())
        .anySatisfy(h -> assertThat(h.what()).isEqualTo("open, with Anna Nowak"));
    assertThat(page.header().status()).isEqualTo("OPEN");
    assertThat(page.header().resolved()).isEqualTo("open");
    assertThat(page.deadlines()).singleElement().satisfies(d -> assertThat(d.state()).isEqualTo("running"));
    assertThat(page.diagrams()).filteredOn(d -> d.key().equals(ContactProcess.KEY)).singleElement()
        .satisfies(d -> assertThat(d.running()).isTrue());
    // every task form links to its case page
    assertThat(processEngine.getTaskService().getVariableLocal(task(complaint).getId(), CaseVariables.FORM_CASE_PAGE))
        .isEqualTo("/cases/" + contact.id());
  }

  @Test
  void shouldMarkAnIncidentRed() {
    clock(MONDAY_10);
    contact = intake.receive(emailContact(uniqueEmail("incident"), "COMPLAINT", "Broken", "Broken kettle."),
        "intake").contact();
    complaint = protocol(contact, ComplaintProcess.KEY);
    Job acknowledge = processEngine.getManagementService().createJobQuery().processInstanceId(complaint.getId())
        .activityId(Elements.SERVICE_ACKNOWLEDGE_COMPLAINT).singleResult();
    processEngine.getManagementService().setJobRetries(acknowledge.getId(), 0);

    var elements = pages.of(contact.id()).orElseThrow().diagrams().stream()
        .filter(d -> d.key().equals(ComplaintProcess.KEY)).findFirst().orElseThrow().elements();

    assertThat(elements.get(Elements.SERVICE_ACKNOWLEDGE_COMPLAINT).markers()).contains("incident");
    assertThat(elements.get(Elements.SERVICE_ACKNOWLEDGE_COMPLAINT).happenings())
        .anySatisfy(h -> assertThat(h.what()).startsWith("incident (failedJob)").endsWith("— open"));
  }

  @Test
  void shouldOpenOnlyForManagersAndTheAgentsOfTheCase() {
    openComplaint();
    String path = "/cases/" + contact.id();

    assertThat(http.get("anna", path).status()).as("anna works on it").isEqualTo(200);
    assertThat(http.get("maria", path).status()).isEqualTo(200);
    assertThat(http.get("demo", path).status()).isEqualTo(200);
    Http.Response boris = http.get("boris", path);
    assertThat(boris.status()).as("boris's teams were never offered it").isEqualTo(403);
    assertThat(boris.header("Content-Type")).startsWith("text/html");
    assertThat(boris.body()).contains("Forbidden").doesNotContain(contact.id());
    assertThat(http.get("intake", path).status()).isEqualTo(403);
    assertThat(http.get(null, path).status()).isEqualTo(401);
    // the page's own files and the viewer are no secret
    assertThat(http.get(null, "/cases/case-page.js").status()).isEqualTo(200);
    assertThat(http.get(null, "/vendor/bpmn-js/bpmn-viewer.production.min.js").status()).isEqualTo(200);
  }

  @Test
  void shouldAnswerUnknownMalformedAndDeletedCasesWithA404Page() {
    Http.Response unknown = http.get("maria", "/cases/" + UUID.randomUUID());
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.header("Content-Type")).startsWith("text/html");
    assertThat(unknown.body()).contains("No case has this id").contains("365 days");

    Http.Response malformed = http.get("maria", "/cases/not%20a%20case%3Cb%3E");
    assertThat(malformed.status()).isEqualTo(404);
    assertThat(malformed.body()).contains("not a case id").doesNotContain("<b>").doesNotContain("Exception");

    Http.Response badKind = http.get("maria", "/cases/" + UUID.randomUUID() + "?kind=%3Cscript%3E");
    assertThat(badKind.status()).isEqualTo(400);
    assertThat(badKind.body()).contains("kind: each kind is a timeline entry type");

    // deleted as the retention job deletes a closed case: its detail and the contact, the engine's history kept
    openComplaint();
    records.forEach(owner -> owner.forget(List.of(contact.id())));
    contacts.delete(List.of(contact.id()));
    Http.Response deleted = http.get("maria", "/cases/" + contact.id());
    assertThat(deleted.status()).isEqualTo(404);
    assertThat(deleted.body()).contains("deleted by the retention rule: closed cases are deleted 365 days after")
        .contains("careflow.retention.closed-contacts");
  }

  @Test
  void shouldLinkEveryTaskFormToItsCasePage() throws Exception {
    try (var forms = java.nio.file.Files.list(java.nio.file.Path.of("forms"))) {
      List<java.nio.file.Path> all = forms.filter(p -> p.toString().endsWith(".form")).toList();
      assertThat(all).hasSizeGreaterThan(10);
      for (var form : all) {
        JsonNode components = json.readTree(form.toFile()).get("components");
        assertThat(components.findValuesAsText("text")).as(form.toString())
            .anyMatch(t -> t.contains("]({{" + CaseVariables.FORM_CASE_PAGE + "}})"));
      }
    }
  }

  private static JsonNode diagram(JsonNode diagrams, String key) {
    for (JsonNode d : diagrams) {
      if (d.get("key").asText().equals(key)) {
        return d;
      }
    }
    throw new AssertionError("No diagram of " + key);
  }

  private static List<String> markers(JsonNode elements, String id) {
    var markers = new java.util.ArrayList<String>();
    elements.get(id).get("markers").forEach(m -> markers.add(m.asText()));
    return markers;
  }
}
