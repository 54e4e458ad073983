package io.careflow.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import io.careflow.communication.MessageTemplates;
import io.careflow.casefile.Contact;
import io.careflow.casefile.ContactRepository;
import io.careflow.protocol.complaint.ComplaintProcess;
import io.careflow.protocol.defect.DefectReplacementProcess;
import io.careflow.protocol.returns.ReturnProcess;
import io.careflow.sla.DeadlineAlerts;
import io.careflow.sla.Deadline;
import io.careflow.sla.DeadlineWatchProcess;
import io.careflow.model.templates.BuildingBlocks;
import io.careflow.sla.SlaVariables;
import io.careflow.support.CareflowIntegrationTest;
import io.careflow.support.EarlierModels;
import io.careflow.support.Conversation;
import io.careflow.support.DemoPeople;
import io.careflow.support.TestMail;
import io.careflow.system.UserDirectory;
import java.io.IOException;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An upgrade from the careflow before protocols as data: cases that run on the models it
 * deployed ({@code src/test/resources/earlier-models}) reach their next step after the current
 * models are deployed. Their tasks call the listeners the current models replaced with building
 * blocks ({@link EarlierModels}), and their timers sit on the tasks, where the watcher's delegates
 * find the open tasks of their own process instance.
 */
class EarlierModelsTest extends CareflowIntegrationTest {


  @Autowired
  ContactRepository contacts;

  @Autowired
  UserDirectory users;

  /** The earlier return's task for the parcel, which today's model replaced by a wait in the process. */
  private static final String EARLIER_RECEIVE_RETURNED_ITEM = "user_receive_returned_item";

  @Autowired
  DeployedModelCheck startCheck;

  @Autowired
  MessageTemplates templates;

  @Test
  void shouldRecordTheOutcomeOfAnInvestigationAndWarnThroughTheTimersOnTheEarlierComplaint() throws Exception {
    Contact contact = inquiry("complaint");
    Deadline deadline = unwatchedReplyDeadline(contact);
    ProcessInstance earlier = startOnEarlierModel("complaint", contact, ComplaintProcess.Elements.USER_INVESTIGATE_COMPLAINT,
        Map.of("team", "team-complaints", SlaVariables.DEADLINE_ID, deadline.id(),
            "slaDueAt", Date.from(deadline.dueAt()), "slaWarningAt", Date.from(deadline.warningAt()),
            "slaEscalationAt", Date.from(deadline.escalationAt())));

    // its own warning timer: the open tasks of its instance, nobody has claimed them, so their team
    ClockUtil.setCurrentTime(Date.from(deadline.warningAt().plus(Duration.ofMinutes(1))));
    processEngine.getManagementService().executeJob(processEngine.getManagementService().createJobQuery()
        .processInstanceId(earlier.getId()).activityId("timer_complaint_warning").singleResult().getId());
    assertThat(runDeadlineAlerts(contact.id())).as("one e-mail: anna, team-complaints").isEqualTo(1);
    assertThat(TestMail.SMTP.getReceivedMessages()).extracting(m -> m.getAllRecipients()[0].toString())
        .containsExactlyElementsOf(users.emailsOf(List.of("anna")));
    assertThat(task(earlier).getPriority()).isEqualTo(DeadlineAlerts.PRIORITY_WARNED);
    assertThat(deadlineService.ofContact(contact.id()).get(0).warnedAt()).isNotNull();

    completeAs(task(earlier).getId(), "anna", DemoPeople.ANNA,
        Conversation.done(Map.of(ComplaintProcess.FINDINGS, "The lid was missing at packing.", ComplaintProcess.JUSTIFIED, "YES")));

    assertThat(earlier).hasPassed(ComplaintProcess.Elements.USER_INVESTIGATE_COMPLAINT).isWaitingAt(ComplaintProcess.Elements.USER_PROPOSE_RESOLUTION);
    assertThat(contacts.find(contact.id()).orElseThrow().outcome()).isEqualTo("COMPLAINT_JUSTIFIED");
  }

  @Test
  void shouldRecordTheArrivalOfAReturnedItemOnTheEarlierReturn() throws Exception {
    Contact contact = inquiry("return");
    ProcessInstance earlier = startOnEarlierModel("return", contact, EARLIER_RECEIVE_RETURNED_ITEM,
        Map.of("team", "team-returns"));

    completeAs(task(earlier).getId(), "anna", DemoPeople.ANNA, Map.of(ReturnProcess.ITEM_RECEIVED, true, ReturnProcess.PARCEL_NOTES, " Box dented "));

    assertThat(earlier).hasPassed(EARLIER_RECEIVE_RETURNED_ITEM).isWaitingAt(ReturnProcess.Elements.USER_INSPECT_ITEM);
    assertThat(timeline(contact)).contains("RETURN_RECEIVED anna: item received: Box dented");
  }

  @Test
  void shouldRecordWhatWasAgreedWithTheCustomerOnTheEarlierReplacement() throws Exception {
    Contact contact = inquiry("replacement");
    ProcessInstance earlier = startOnEarlierModel("defect-replacement", contact, DefectReplacementProcess.Elements.USER_CONTACT_CUSTOMER,
        Map.of("team", "team-replacements"));

    completeAs(task(earlier).getId(), "boris", DemoPeople.BORIS, Map.of(DefectReplacementProcess.CONTACT_NOTES, "New kettle on Friday."));

    assertThat(earlier).hasPassed(DefectReplacementProcess.Elements.USER_CONTACT_CUSTOMER).isWaitingAt(DefectReplacementProcess.Elements.USER_SHIP_REPLACEMENT);
    assertThat(timeline(contact)).contains("SPECIALIST_CONTACTED boris: New kettle on Friday.");
  }

  @Test
  void shouldNotStartWhenAVersionThatRunningCasesUseNamesABeanCareflowNoLongerHas() throws Exception {
    Contact contact = inquiry("upgrade-check");
    ProcessInstance earlier = startOnEarlierModel("return", contact, EARLIER_RECEIVE_RETURNED_ITEM,
        Map.of("team", "team-returns"));
    ProcessDefinition version = processEngine.getRepositoryService().getProcessDefinition(
        earlier.getProcessDefinitionId());

    // this careflow keeps what the earlier version calls: the start check passes
    startCheck.afterSingletonsInstantiated();

    // a careflow without the beans of EarlierModels (only its component classes) does not start
    var withoutThem = new ModelChecks(templates, List.of("pl", "en", "ru"), BuildingBlocks.scan("io.careflow")::bean);
    assertThatThrownBy(() -> new DeployedModelCheck(processEngine, withoutThem).afterSingletonsInstantiated())
        .isInstanceOf(ParseException.class)
        .hasMessageContaining("return.bpmn version " + version.getVersion() + " (running cases use it)"
            + " (user_receive_returned_item): names ${receiveReturnedItemListener}, but careflow has no such"
            + " building block or bean");
  }

  private Contact inquiry(String name) {
    return intake.receive(emailContact(uniqueEmail(name), null, "Kettle", "How long is the warranty?"), "intake")
        .contact();
  }

  /** The contact's reply deadline as a case before the watcher had it: its timers on the tasks. */
  private Deadline unwatchedReplyDeadline(Contact contact) {
    Deadline deadline = deadline(contact.id(), "reply");
    processEngine.getRuntimeService().createMessageCorrelation(DeadlineWatchProcess.MESSAGE_STOPPED)
        .processInstanceVariableEquals(DeadlineWatchProcess.DEADLINE_ID, deadline.id()).correlateAll();
    jdbc.sql("update deadline set watched = false where id = ?").param(deadline.id()).update();
    return deadline;
  }

  /**
   * Deploys the earlier model, then the current one again (the upgrade), and starts a case on
   * the earlier version at the task, as it waited there when careflow was upgraded.
   */
  private ProcessInstance startOnEarlierModel(String model, Contact contact, String taskId,
      Map<String, Object> variables) throws IOException {
    return EarlierModels.startAt(processEngine, model, contact, taskId, variables);
  }

  private List<String> timeline(Contact contact) {
    return jdbc.sql("select type || ' ' || actor || ': ' || coalesce(detail, '') from contact_event"
        + " where contact_id = ? order by id").param(contact.id()).query(String.class).list();
  }
}
