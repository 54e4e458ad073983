package io.careflow.form;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.careflow.casefile.Contact;
import io.careflow.contact.ContactProcess;
import io.careflow.contact.NewContact;
import io.careflow.model.TopicCatalog;
import io.careflow.shipment.CarrierEvent;
import io.careflow.shipment.ShipmentEventService;
import io.careflow.shipment.ShipmentProcess;
import io.careflow.support.Browser;
import io.careflow.support.EarlierModels;
import io.careflow.support.ProtocolTestSupport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A picture of every form of {@code forms/} as Tasklist shows it, on a real task: a case of the
 * form's process (a case of the topic whose protocol it is; otherwise a new inquiry's), its
 * variables, started at the user task that shows the form; a form that only an earlier model
 * shows (cases that run on after an upgrade) on that earlier model. The README's table of forms
 * must list exactly the forms of {@code forms/}; {@code CAREFLOW_DOC_SCREENSHOTS=true} renews the
 * pictures in docs/screenshots/forms/, and without it each must be there already.
 */
class FormScreenshotsBrowserTest extends ProtocolTestSupport {

  static final Path FORMS = Path.of("forms");
  static final Path README = Path.of("README.md");
  static final String PICTURES = "forms/";
  static final Pattern PICTURE = Pattern.compile("\\(docs/screenshots/forms/([\\w-]+)\\.png\\)");
  /** Tasklist's administrator of the demo (password = name): may open every task. */
  static final String VIEWER = "demo";
  static final ObjectMapper JSON = new ObjectMapper();

  @Autowired
  TopicCatalog topics;

  @Autowired
  ShipmentEventService shipments;

  @Test
  void shouldShowEveryFormOnATaskInTasklistAsTheReadmeListsThem() throws Exception {
    List<String> forms = formIds();
    assertThat(forms).hasSizeGreaterThanOrEqualTo(15);
    assertThat(readmeForms()).as("the README's table of forms, against forms/").containsExactlyElementsOf(forms);

    var tasks = new LinkedHashMap<String, Task>();
    var problems = new java.util.ArrayList<String>();
    for (String form : forms) {
      try {
        tasks.put(form, taskShowing(form));
      } catch (RuntimeException | AssertionError e) {
        problems.add(form + ": " + e.getMessage());
      }
    }

    try (Browser browser = Browser.start("form-screenshots")) {
      browser.onFailureScreenshot(() -> {
        // tall enough for a whole form: the picture shows every field, not only the case at its top
        browser.driver().manage().window().setSize(new Dimension(1400, 3400));
        browser.signInToTasklist(baseUrl(), VIEWER);
        for (var shown : tasks.entrySet()) {
          String form = shown.getKey();
          browser.openTask(baseUrl(), shown.getValue().getId(), d -> d.findElements(By.cssSelector(".fjs-form"))
              .stream().anyMatch(f -> f.getText().contains(title(form))));
          browser.waiting().until(d -> d.findElements(By.xpath("//*[contains(text(), 'Loading...')]")).stream()
              .noneMatch(WebElement::isDisplayed));
          Browser.renewDocPicture(browser.screenshot("form-" + form), PICTURES + form + ".png");
          assertThat(Browser.DOC_PICTURES.resolve(PICTURES + form + ".png")).as("the picture of form " + form)
              .exists();
        }
      });
    }
    assertThat(problems).as("forms without a task to show them on").isEmpty();
  }

  /** The ids of the forms in {@code forms/}, by file name. */
  private static List<String> formIds() throws IOException {
    try (Stream<Path> files = Files.list(FORMS)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".form")).sorted().map(f -> {
        try {
          return JSON.readTree(f.toFile()).path("id").asText();
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }).toList();
    }
  }

  private static List<String> readmeForms() throws IOException {
    String readme = Files.readString(README, StandardCharsets.UTF_8);
    int start = readme.indexOf("<!-- forms:start -->");
    int end = readme.indexOf("<!-- forms:end -->");
    assertThat(start).as("README's forms markers").isNotNegative().isLessThan(end);
    return PICTURE.matcher(readme.substring(start, end)).results().map(m -> m.group(1)).toList();
  }

  /** The form's heading (its first text, "#### Title"): the form is on the page when it shows. */
  private static String title(String form) {
    try {
      for (var component : JSON.readTree(FORMS.resolve(form + ".form").toFile()).path("components")) {
        if (component.path("type").asText().equals("text")) {
          return component.path("text").asText().lines().findFirst().orElse("").replaceFirst("^#+\\s*", "").strip();
        }
      }
      return "";
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** An open task showing the form: on a model of processes/, else on an earlier model. */
  private Task taskShowing(String form) throws IOException {
    Optional<ShownBy> current = shownBy(form, Path.of("processes"));
    ProcessInstance pi;
    if (current.isPresent()) {
      ShownBy by = current.get();
      Map<String, Object> variables = caseVariables(by.process());
      String businessKey = processEngine.getRuntimeService().createProcessInstanceQuery()
          .processInstanceId(variables.remove(INSTANCE).toString()).singleResult().getBusinessKey();
      pi = processEngine.getRuntimeService().createProcessInstanceByKey(by.process()).businessKey(businessKey)
          .setVariables(variables).startBeforeActivity(by.userTask()).execute();
    } else {
      ShownBy by = shownBy(form, Path.of("src/test/resources/earlier-models"))
          .orElseThrow(() -> new AssertionError("No model, current or earlier, shows the form " + form));
      Map<String, Object> variables = caseVariables(by.process());
      Contact contact = contacts.find(processEngine.getRuntimeService().createProcessInstanceQuery()
          .processInstanceId(variables.remove(INSTANCE).toString()).singleResult().getBusinessKey()).orElseThrow();
      pi = EarlierModels.startAt(processEngine, by.process(), contact, by.userTask(), variables);
    }
    Task task = processEngine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).active().list()
        .stream().filter(t -> form.equals(formOf(t))).findFirst()
        .orElseThrow(() -> new AssertionError("No open task of form " + form + " in " + pi.getProcessDefinitionId()));
    return task;
  }

  private static final String INSTANCE = "__instance";

  /**
   * The variables of a real case for {@code process}: the protocol's own case when a topic leads
   * to it, else a new inquiry's contact process; the instance they come from under {@link #INSTANCE}.
   */
  private Map<String, Object> caseVariables(String process) {
    if (process.equals(ShipmentProcess.KEY)) {
      return delayedShipmentVariables();
    }
    String topic = topics.topics().stream().filter(t -> process.equals(t.protocolKey())).map(TopicCatalog.Topic::name)
        .findFirst().orElse("INQUIRY");
    Contact contact = intake.receive(emailContact(uniqueEmail("form-" + process), topic, "About my order",
        "Order ORD-4711: the kettle stopped heating."), "intake").contact();
    ProcessInstance source = topics.topics().stream().anyMatch(t -> process.equals(t.protocolKey()))
        ? protocol(contact, process) : protocol(contact, ContactProcess.KEY);
    var variables = new HashMap<>(processEngine.getRuntimeService().getVariables(source.getId()));
    // the follow-up's agent: whom the plan named (a follow-up is planned by an agent of the case)
    variables.putIfAbsent("followUpAgent", "boris");
    variables.put(INSTANCE, source.getId());
    return variables;
  }

  /** A shipment's case is the carrier's event: a delay of an order a customer's contact named. */
  private Map<String, Object> delayedShipmentVariables() {
    String order = "PL-2026-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    intake.receive(new NewContact("EMAIL", "<" + java.util.UUID.randomUUID() + "@mail.example>", null,
        new NewContact.CustomerDetails(uniqueEmail("form-shipment"), null, "Jan Kowalski", "en"), "Where is my parcel?",
        "When will my order arrive?", "INQUIRY", order, null), "intake");
    String tracking = "PX" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 11).toUpperCase() + "PL";
    String event = shipments.receive(new CarrierEvent(tracking, order, "DELAYED", "2026-11-30T09:30:00+01:00",
        "2026-12-03T12:00:00+01:00", null), "intake").eventId();
    ProcessInstance source = processEngine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(ShipmentProcess.KEY).processInstanceBusinessKey(event).singleResult();
    // the delay becomes a customer case of its own: the check is a step of it
    run(source, ShipmentProcess.Elements.SERVICE_OPEN_DELAY_CONTACT);
    var variables = new HashMap<>(processEngine.getRuntimeService().getVariables(source.getId()));
    variables.put(INSTANCE, source.getId());
    return variables;
  }

  private String formOf(Task task) {
    var definition = processEngine.getRepositoryService().getBpmnModelInstance(task.getProcessDefinitionId());
    UserTask element = definition.getModelElementById(task.getTaskDefinitionKey());
    return element == null ? null : element.getCamundaFormRef();
  }

  /** The first user task (of the first model file, by name) that shows the form. */
  private static Optional<ShownBy> shownBy(String form, Path models) throws IOException {
    try (Stream<Path> files = Files.list(models)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList()) {
        var model = Bpmn.readModelFromFile(file.toFile());
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
          if (form.equals(task.getCamundaFormRef())) {
            String process = model.getModelElementsByType(Process.class).iterator().next().getId();
            return Optional.of(new ShownBy(process, task.getId()));
          }
        }
      }
    }
    return Optional.empty();
  }

  record ShownBy(String process, String userTask) {}
}
