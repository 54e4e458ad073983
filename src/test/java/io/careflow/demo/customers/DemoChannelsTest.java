package io.careflow.demo.customers;

import static org.assertj.core.api.Assertions.assertThat;

import io.careflow.CareflowApplication;
import io.careflow.communication.Message;
import io.careflow.communication.MessageKind;
import io.careflow.communication.MessageRepository;
import io.careflow.communication.MessageStatus;
import io.careflow.communication.ReplyStep;
import io.careflow.casefile.Contact;
import io.careflow.contact.ContactIntakeService;
import io.careflow.contact.NewContact;
import io.careflow.contact.NewContact.CustomerDetails;
import io.careflow.followup.PlanFollowUpListener;
import io.careflow.protocol.inquiry.InquiryProcess;
import io.careflow.support.Conversation;
import io.careflow.support.Http;
import io.careflow.support.OwnCareflow;
import io.careflow.support.TestMail;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The demo's channels as {@code ./mvnw spring-boot:run} configures them (application-demo.yaml):
 * an agent's chat answer goes the whole webhook way to careflow's in-process chat receiver, which
 * checks its signature, and counts as delivered only because the receiver took it; outside the
 * demo profile nothing answers under {@code /demo/}.
 */
@Tag(OwnCareflow.TAG)
class DemoChannelsTest {

  @TempDir
  Path data;

  private ConfigurableApplicationContext start(int port, String... extraArgs) {
    List<String> args = new ArrayList<>(List.of(
        "--server.port=" + port,
        "--spring.datasource.url=jdbc:h2:file:" + data.resolve("careflow") + ";DB_CLOSE_ON_EXIT=FALSE",
        "--spring.mail.port=" + TestMail.port(),
        "--camunda.bpm.job-execution.enabled=false",
        "--careflow.designer.live-reload.enabled=false",
        "--logging.level.root=WARN"));
    args.addAll(List.of(extraArgs));
    return new SpringApplicationBuilder(CareflowApplication.class).run(args.toArray(String[]::new));
  }

  @Test
  void shouldDeliverAChatAnswerThroughTheSignedWebhookToTheDemoReceiver() {
    int port = freePort();
    try (var careflow = start(port)) {
      ProcessEngine engine = careflow.getBean(ProcessEngine.class);
      Contact contact = careflow.getBean(ContactIntakeService.class).receive(new NewContact("CHAT",
          "chat-" + UUID.randomUUID(), null, new CustomerDetails(null, null, "Ola", "en", null, "chat:ola-demo"),
          null, "Is the kettle KET-200 in stock?", "INQUIRY", null, null), "intake").contact();
      var pi = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(InquiryProcess.KEY)
          .processInstanceBusinessKey(contact.id()).singleResult();
      var task = engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).singleResult();
      engine.getIdentityService().setAuthentication("boris", List.of("agents", "team-inquiries"));
      try {
        engine.getTaskService().complete(task.getId(), new HashMap<>(Conversation.done(Map.of(
            ReplyStep.REPLY_TEXT, "Yes, white and red.", ReplyStep.REPLY_KIND, "ANSWER", PlanFollowUpListener.TYPE, "NONE"))));
      } finally {
        engine.getIdentityService().clearAuthentication();
      }
      var send = engine.getManagementService().createJobQuery().processInstanceId(pi.getId())
          .activityId(InquiryProcess.Elements.SERVICE_SEND_REPLY).singleResult();
      engine.getManagementService().executeJob(send.getId());

      Message answer = careflow.getBean(MessageRepository.class).ofContact(contact.id()).stream()
          .filter(m -> m.kind() == MessageKind.ANSWER).findFirst().orElseThrow();
      assertThat(answer.status()).isEqualTo(MessageStatus.SENT);
      assertThat(careflow.getBean(DemoChannelInbox.class).of(answer.id())).hasValueSatisfying(took -> {
        assertThat(took.channel()).isEqualTo("chat");
        assertThat(took.to()).isEqualTo("chat:ola-demo");
        assertThat(took.text()).contains("Yes, white and red.");
      });
      Http.Response page = new Http("http://localhost:" + port).get("anna", CustomerPageController.PATH);
      assertThat(page.status()).isEqualTo(200);
      assertThat(page.body()).contains("message-" + answer.id()).contains("the demo chat receiver");
    }
  }

  @Test
  void shouldAnswer404UnderDemoOutsideTheDemoProfile() {
    int port = freePort();
    try (var careflow = start(port, "--spring.profiles.active=test")) {
      assertThat(careflow.getEnvironment().getActiveProfiles()).containsExactly("test");
      Http http = new Http("http://localhost:" + port);
      assertThat(http.get(null, CustomerPageController.PATH).status()).isEqualTo(404);
      assertThat(http.get("boris", CustomerPageController.PATH).status()).isEqualTo(404);
      assertThat(http.postJson(null, "/demo/channels/chat", "{\"messageId\":\"x\"}").status()).isEqualTo(404);
      assertThat(http.post(null, CustomerPageController.PATH + "/messages/x/answer",
          "application/x-www-form-urlencoded", "body=hi").status()).isEqualTo(404);
    }
  }

  private static int freePort() {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
