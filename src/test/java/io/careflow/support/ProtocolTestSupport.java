package io.careflow.support;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.processInstanceQuery;

import io.careflow.communication.Message;
import io.careflow.communication.MessageKind;
import io.careflow.communication.MessageRepository;
import io.careflow.casefile.Contact;
import io.careflow.casefile.ContactRepository;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

/** Steps the protocol tests share: find the protocol of a contact, run its jobs, work its tasks. */
public abstract class ProtocolTestSupport extends CareflowIntegrationTest {

  /** Monday 30 November 2026, 10:00 in Warsaw: inside working hours. */
  protected static final Instant MONDAY_10 = ShopTime.MONDAY_10;

  @Autowired
  protected ContactRepository contacts;

  @Autowired
  protected MessageRepository messages;

  protected Http http;

  @BeforeEach
  void protocolTestSetUp() {
    http = new Http(baseUrl());
    clock(MONDAY_10);
  }

  protected ProcessInstance protocol(Contact contact, String key) {
    return processInstanceQuery().processDefinitionKey(key).processInstanceBusinessKey(contact.id()).singleResult();
  }

  /** Runs the asynchronous step (or timer) waiting at that element, whatever its due date. */
  protected void run(ProcessInstance pi, String activityId) {
    Job job = processEngine.getManagementService().createJobQuery().processInstanceId(pi.getId())
        .activityId(activityId).singleResult();
    if (job == null) {
      throw new AssertionError("No job at " + activityId + " of " + pi.getProcessDefinitionId());
    }
    execute(job);
  }

  /** The timer job at that element if it is due by the engine clock, else null. */
  protected Job dueJob(ProcessInstance pi, String activityId) {
    return processEngine.getManagementService().createJobQuery().processInstanceId(pi.getId())
        .activityId(activityId).executable().singleResult();
  }

  protected Task task(ProcessInstance pi) {
    return processEngine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).singleResult();
  }

  /** Completes the single open task of the process as that user (with those groups). */
  protected void complete(ProcessInstance pi, String user, List<String> groups, Map<String, Object> variables) {
    completeAs(task(pi).getId(), user, groups, variables);
  }

  protected List<Message> notices(Contact contact) {
    return messages.ofContact(contact.id()).stream().filter(m -> m.kind() == MessageKind.NOTICE).toList();
  }

  /** The path (with token) of the public page linked in the newest notice of the contact. */
  protected String linkedPath(Contact contact) {
    List<Message> notices = notices(contact);
    Matcher m = Pattern.compile("https?://[^/\\s]+(/public/\\S+)").matcher(notices.get(notices.size() - 1).body());
    if (!m.find()) {
      throw new AssertionError("No link in " + notices);
    }
    return m.group(1);
  }

  protected Contact reload(Contact contact) {
    return contacts.find(contact.id()).orElseThrow();
  }

  protected static void clock(Instant instant) {
    ClockUtil.setCurrentTime(Date.from(instant));
  }

  protected static Instant at(String text) {
    return ShopTime.at(text);
  }
}
