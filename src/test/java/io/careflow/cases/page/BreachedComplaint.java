package io.careflow.cases.page;

import static io.careflow.support.DemoPeople.ANNA;
import static io.careflow.support.DemoPeople.MARIA;
import static org.assertj.core.api.Assertions.assertThat;

import io.careflow.communication.ReplyStep;
import io.careflow.casefile.Contact;
import io.careflow.followup.PlanFollowUpListener;
import io.careflow.protocol.complaint.ComplaintProcess;
import io.careflow.protocol.complaint.ComplaintProcess.Elements;
import io.careflow.sla.Deadline;
import io.careflow.sla.DeadlineService;
import io.careflow.support.Conversation;
import io.careflow.support.ProtocolTestSupport;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/**
 * The case page's test case: a complaint e-mailed on Monday 10:00, acknowledged, investigated
 * by anna while the reply deadline passes (warning, breach: the team leads are offered the task),
 * a refund of 150 PLN proposed, approved by maria, answered by anna — a finished complaint that
 * missed its deadline. Time moves by the engine clock only.
 */
abstract class BreachedComplaint extends ProtocolTestSupport {

  static final String REPLY = "Your refund of 150 PLN is on its way. Sorry for the broken kettle.";
  static final String HOSTILE_SUBJECT = "Broken kettle </script><script>alert('x')</script>";

  Contact contact;
  ProcessInstance complaint;
  Deadline reply;

  /** Up to the investigation: acknowledged, the investigation with anna, the deadline running. */
  void openComplaint() {
    clock(MONDAY_10);
    contact = intake.receive(emailContact(uniqueEmail("case-page"), "COMPLAINT", HOSTILE_SUBJECT,
        "The kettle broke after a week. </script> & <b>not bold</b>"), "intake").contact();
    complaint = protocol(contact, ComplaintProcess.KEY);
    run(complaint, Elements.SERVICE_ACKNOWLEDGE_COMPLAINT);
    assertThat(task(complaint).getAssignee()).as("routing gave anna the investigation").isEqualTo("anna");
    reply = deadline(contact.id(), DeadlineService.REPLY);
  }

  /** The whole story: the deadline breached, then investigated, approved, answered and sent. */
  void breachedAndFinishedComplaint() {
    openComplaint();
    runWatcherUntil(reply, reply.warningAt().plusSeconds(60));
    runWatcherUntil(reply, reply.dueAt().plusSeconds(60));
    clock(reply.dueAt().plusSeconds(20 * 60));
    complete(complaint, "anna", ANNA, Conversation.done(Map.of(ComplaintProcess.FINDINGS,
        "The heating element failed.", ComplaintProcess.JUSTIFIED, "YES")));
    clock(reply.dueAt().plusSeconds(30 * 60));
    complete(complaint, "anna", ANNA, Map.of(ComplaintProcess.RESOLUTION_TYPE, "REFUND",
        ComplaintProcess.COMPENSATION_AMOUNT, 150, ComplaintProcess.PROPOSAL, "Full refund of 150 PLN."));
    clock(reply.dueAt().plusSeconds(40 * 60));
    complete(complaint, "maria", MARIA, Map.of(ComplaintProcess.APPROVAL_DECISION, "APPROVE"));
    clock(reply.dueAt().plusSeconds(50 * 60));
    complete(complaint, "anna", ANNA, Conversation.done(Map.of(ReplyStep.REPLY_TEXT, REPLY, PlanFollowUpListener.TYPE, "NONE")));
    run(complaint, Elements.SERVICE_SEND_REPLY);
    assertThat(reload(contact).resolvedAt()).as("the complaint is finished").isNotNull();
  }
}
