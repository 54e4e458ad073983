package io.careflow.customer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.careflow.communication.MessageKind;
import io.careflow.communication.ReplyStep;
import io.careflow.casefile.CaseVariables;
import io.careflow.casefile.Contact;
import io.careflow.followup.PlanFollowUpListener;
import io.careflow.protocol.complaint.ComplaintProcess;
import io.careflow.protocol.complaint.ComplaintProcess.Elements;
import io.careflow.protocol.inquiry.InquiryProcess;
import io.careflow.routing.CustomerRelationships;
import io.careflow.support.ProtocolTestSupport;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Only an agent's replies build the relationship (SPEC R4): the notices careflow sends by itself
 * (a complaint's acknowledgement) are on the record as messages, but never make "system" the
 * customer's preferred agent — neither in the customer record nor for routing's retention.
 */
class PreferredAgentTest extends ProtocolTestSupport {

  @Autowired
  CustomerRelationships relationships;

  @Test
  void shouldNotCountNoticesAsAnAgentsReplies() {
    String email = uniqueEmail("preferred");
    for (String subject : List.of("Broken kettle", "Broken lid")) {
      Contact complaint = intake.receive(emailContact(email, "COMPLAINT", subject, "It broke."), "intake").contact();
      run(protocol(complaint, ComplaintProcess.KEY), Elements.SERVICE_ACKNOWLEDGE_COMPLAINT);
      assertThat(notices(complaint)).as("the acknowledgement went out").hasSize(1);
    }
    Contact inquiry = intake.receive(emailContact(email, "INQUIRY", "Warranty", "How long?"), "intake").contact();
    String customerId = inquiry.customerId();

    assertThat(record(customerId).get("agents")).as("two notices, no agent's reply").isEmpty();
    JsonNode none = record(customerId).path("preferredAgent");
    assertThat(none.isNull() || none.isMissingNode()).as("no preferred agent: %s", none).isTrue();
    assertThat(relationships.closestAgent(customerId)).isEmpty();

    ProcessInstance pi = protocol(inquiry, InquiryProcess.KEY);
    complete(pi, "boris", List.of("agents", "team-inquiries"), Map.of(ReplyStep.REPLY_TEXT, "Two years.",
        ReplyStep.REPLY_KIND, MessageKind.ANSWER.name(), PlanFollowUpListener.TYPE, "NONE"));

    JsonNode record = record(customerId);
    assertThat(record.get("agents")).extracting(a -> a.get("userId").asText()).containsExactly("boris");
    assertThat(record.get("agents").get(0).get("replies").asInt()).isEqualTo(1);
    assertThat(record.get("preferredAgent").get("name").asText()).isEqualTo("Boris Ivanov");
    assertThat(relationships.closestAgent(customerId)).hasValueSatisfying(r -> {
      assertThat(r.agent()).isEqualTo("boris");
      assertThat(r.replies()).isEqualTo(1);
    });
    // the summary every task form shows
    Contact next = intake.receive(emailContact(email, "INQUIRY", "Descaling", "How?"), "intake").contact();
    String summary = (String) processEngine.getTaskService().getVariableLocal(task(protocol(next, InquiryProcess.KEY))
        .getId(), CaseVariables.FORM_CUSTOMER_SUMMARY);
    assertThat(summary).contains("preferred agent: Boris Ivanov (1 reply)").doesNotContain("careflow (")
        .doesNotContain("system (");
  }

  private JsonNode record(String customerId) {
    return http.get("maria", "/api/customers/" + customerId).json();
  }
}
