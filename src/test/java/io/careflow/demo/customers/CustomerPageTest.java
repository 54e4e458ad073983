package io.careflow.demo.customers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.careflow.communication.Message;
import io.careflow.communication.MessageKind;
import io.careflow.communication.MessageStatus;
import io.careflow.communication.ReplyStep;
import io.careflow.communication.WebhookSender;
import io.careflow.mailbox.MailboxPoller;
import io.careflow.casefile.CaseVariables;
import io.careflow.casefile.Contact;
import io.careflow.casefile.ContactStatus;
import io.careflow.contact.NewContact;
import io.careflow.contact.NewContact.CustomerDetails;
import io.careflow.followup.PlanFollowUpListener;
import io.careflow.protocol.inquiry.InquiryProcess;
import io.careflow.protocol.inquiry.InquiryProcess.Elements;
import io.careflow.support.Conversation;
import io.careflow.support.DemoPeople;
import io.careflow.support.ProtocolTestSupport;
import io.careflow.support.TestMail;
import io.careflow.support.TestWebhook;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code /demo/customers}: the demo's customer reads what careflow delivered and answers the real
 * way; the demo channel receivers check the webhook signature. (In the shared test careflow the
 * channels deliver to {@code support.TestWebhook}; the receivers are called here as careflow
 * calls them, with the same secret.)
 */
class CustomerPageTest extends ProtocolTestSupport {

  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  @Autowired
  DemoChannelInbox inbox;

  @Autowired
  MailboxPoller mailbox;

  @Test
  void shouldLetOnlyDemoUsersIn() {
    String shopper = "shopper-" + UUID.randomUUID().toString().substring(0, 6);
    var identity = processEngine.getIdentityService();
    var user = identity.newUser(shopper);
    user.setPassword(shopper);
    identity.saveUser(user);
    identity.createMembership(shopper, "agents");
    try {
      assertThat(http.get(null, CustomerPageController.PATH).status()).isEqualTo(401);
      assertThat(http.get(shopper, CustomerPageController.PATH).status()).isEqualTo(403);
      for (String demoUser : List.of("demo", "anna", "boris", "maria", "intake", "dora")) {
        assertThat(http.get(demoUser, CustomerPageController.PATH).status()).as(demoUser).isEqualTo(200);
      }
      // a POST needs the page's CSRF token as well
      assertThat(http.post("boris", CustomerPageController.PATH + "/messages/x/answer",
          "application/x-www-form-urlencoded", "body=hi").status()).isEqualTo(403);
    } finally {
      identity.deleteUser(shopper);
    }
  }

  @Test
  void shouldTakeOnlyCorrectlySignedMessagesOnTheDemoChannels() throws Exception {
    String messageId = UUID.randomUUID().toString();
    byte[] body = ("{\"messageId\":\"" + messageId + "\",\"channel\":\"CHAT\",\"to\":\"chat:ola\",\"text\":\"Hello\"}")
        .getBytes(StandardCharsets.UTF_8);

    assertThat(signedPost("/demo/channels/chat", body, "sha256=" + WebhookSender.sign("another-secret-16ch", body)))
        .isEqualTo(401);
    assertThat(signedPost("/demo/channels/chat", body, null)).isEqualTo(401);
    assertThat(inbox.of(messageId)).isEmpty();

    assertThat(signedPost("/demo/channels/chat", body, "sha256=" + WebhookSender.sign(TestWebhook.SECRET, body)))
        .isEqualTo(200);
    assertThat(inbox.of(messageId)).hasValueSatisfying(d -> {
      assertThat(d.channel()).isEqualTo("chat");
      assertThat(d.to()).isEqualTo("chat:ola");
      assertThat(d.text()).isEqualTo("Hello");
    });
    assertThat(signedPost("/demo/channels/fax", body, "sha256=" + WebhookSender.sign(TestWebhook.SECRET, body)))
        .isEqualTo(404);
  }

  @Test
  void shouldResumeAChatCaseWithTheCustomersAnswer() throws Exception {
    Contact contact = chat("resume");
    ProcessInstance pi = protocol(contact, InquiryProcess.KEY);
    Message question = ask(pi, contact, "Which colour would you like?");

    Page page = page("boris");
    assertThat(page.html()).contains("message-" + question.id()).contains("Which colour would you like?");

    HttpResponse<String> answer = answer(page, question.id(), "The red one, please.");

    assertThat(answer.statusCode()).isEqualTo(303);
    assertThat(answer.headers().firstValue("Location").orElseThrow()).contains("how=resumed");
    assertThat(pi).hasPassed(Elements.MSG_CUSTOMER_REPLIED).isWaitingAt(Elements.USER_ANSWER_CUSTOMER);
    assertThat((String) processEngine.getTaskService().getVariable(task(pi).getId(),
        CaseVariables.FORM_CUSTOMER_MESSAGE)).contains("The red one, please.");
    assertThat(messages.ofContact(contact.id())).filteredOn(m -> m.direction() == Message.Direction.IN)
        .singleElement().satisfies(m -> {
          assertThat(m.body()).isEqualTo("The red one, please.");
          assertThat(m.channel().name()).isEqualTo("CHAT");
        });
  }

  @Test
  void shouldRefuseAnEmptyOrOversizedAnswerNamingTheFieldAndStoreNothing() throws Exception {
    Contact contact = chat("bad");
    ProcessInstance pi = protocol(contact, InquiryProcess.KEY);
    Message question = ask(pi, contact, "Which size?");
    int before = messages.ofContact(contact.id()).size();
    Page page = page("anna");

    HttpResponse<String> empty = answer(page, question.id(), "   ");
    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(empty.body()).contains("body: is required").contains("message-" + question.id());

    HttpResponse<String> huge = answer(page, question.id(), "x".repeat(100 * 1024));
    assertThat(huge.statusCode()).isEqualTo(400);
    assertThat(huge.body()).contains("body: size must be between 0 and 100000");

    assertThat(messages.ofContact(contact.id())).hasSize(before);
    assertThat(pi).isWaitingAt(Elements.EVT_ANSWER_OR_SILENCE);
  }

  @Test
  void shouldOpenANewContactWhenTheChatCaseHasEnded() throws Exception {
    Contact contact = chat("ended");
    ProcessInstance pi = protocol(contact, InquiryProcess.KEY);
    complete(pi, "boris", DemoPeople.BORIS, Conversation.done(Map.of(ReplyStep.REPLY_TEXT, "Yes, we have it in stock.",
        ReplyStep.REPLY_KIND, "ANSWER", PlanFollowUpListener.TYPE, "NONE")));
    run(pi, Elements.SERVICE_SEND_REPLY);
    assertThat(pi).isEnded();
    Message reply = sent(contact, MessageKind.ANSWER);

    HttpResponse<String> answer = answer(page("boris"), reply.id(), "Thanks! And do you have KET-300?");

    assertThat(answer.statusCode()).isEqualTo(303);
    assertThat(answer.headers().firstValue("Location").orElseThrow()).contains("how=new");
    List<String> others = jdbc.sql("select id from contact where customer_handle = ? and id <> ?")
        .params(contact.customerHandle(), contact.id()).query(String.class).list();
    assertThat(others).hasSize(1);
    assertThat(answer.headers().firstValue("Location").orElseThrow()).contains("answered=" + others.get(0));
    Contact next = contacts.find(others.get(0)).orElseThrow();
    assertThat(next.channel().name()).isEqualTo("CHAT");
    assertThat(next.body()).isEqualTo("Thanks! And do you have KET-300?");
    assertThat(next.status()).isEqualTo(ContactStatus.OPEN);
  }

  @Test
  void shouldAnswerAnEmailCaseByAnEmailToTheSupportMailboxThatResumesIt() throws Exception {
    String email = uniqueEmail("mail-answer");
    Contact contact = intake.receive(emailContact(email, "INQUIRY", "Warranty", "How long is the warranty?"),
        "intake").contact();
    ProcessInstance pi = protocol(contact, InquiryProcess.KEY);
    complete(pi, "boris", DemoPeople.BORIS, Map.of(ReplyStep.REPLY_TEXT, "Which product is it?", ReplyStep.REPLY_KIND,
        "QUESTION", PlanFollowUpListener.TYPE, "NONE"));
    run(pi, Elements.SERVICE_SEND_REPLY);
    Message question = sent(contact, MessageKind.QUESTION);
    assertThat(question.externalId()).isNotNull();
    TestMail.SMTP.purgeEmailFromAllMailboxes();

    HttpResponse<String> answer = answer(page("boris"), question.id(), "It is the kettle KET-200.");

    assertThat(answer.statusCode()).isEqualTo(303);
    assertThat(answer.headers().firstValue("Location").orElseThrow()).contains("how=email");
    MimeMessage sent = Arrays.stream(TestMail.SMTP.getReceivedMessages()).filter(m -> to(m, TestMail.SUPPORT))
        .findFirst().orElseThrow();
    assertThat(sent.getFrom()[0].toString()).contains(email);
    assertThat(sent.getHeader("In-Reply-To", null)).isEqualTo(question.externalId());
    assertThat(sent.getSubject()).contains("[#CF-" + contact.id().substring(0, 8).toUpperCase() + "]");

    mailbox.pollOnce();

    assertThat(pi).hasPassed(Elements.MSG_CUSTOMER_REPLIED).isWaitingAt(Elements.USER_ANSWER_CUSTOMER);
    assertThat((String) processEngine.getTaskService().getVariable(task(pi).getId(),
        CaseVariables.FORM_CUSTOMER_MESSAGE)).contains("It is the kettle KET-200.");
  }

  @Autowired
  DeliveredMessages delivered;

  @Autowired
  io.careflow.casefile.ContactRepository contactRepository;

  @Autowired
  io.careflow.communication.CustomerReplies replies;

  @Autowired
  io.careflow.calendar.BusinessHoursProperties shopTime;

  @Test
  void shouldSayOnThePageThatTheMailServerIsDownWhenAnEmailAnswerCannotBeSent() throws Exception {
    String email = uniqueEmail("mail-down");
    Contact contact = intake.receive(emailContact(email, "INQUIRY", "Colour", "Is it white?"), "intake").contact();
    ProcessInstance pi = protocol(contact, InquiryProcess.KEY);
    complete(pi, "boris", DemoPeople.BORIS, Map.of(ReplyStep.REPLY_TEXT, "Which model?", ReplyStep.REPLY_KIND,
        "QUESTION", PlanFollowUpListener.TYPE, "NONE"));
    run(pi, Elements.SERVICE_SEND_REPLY);
    Message question = sent(contact, MessageKind.QUESTION);
    TestMail.SMTP.purgeEmailFromAllMailboxes();
    var down = new org.springframework.mail.javamail.JavaMailSenderImpl();
    down.setHost("127.0.0.1");
    try (var closed = new java.net.ServerSocket(0)) {
      down.setPort(closed.getLocalPort());
    }
    var page = new CustomerPageController(delivered, inbox, new CustomerAnswers(delivered, contactRepository,
        replies, intake, down, TestMail.SUPPORT), shopTime);
    var model = new org.springframework.ui.ExtendedModelMap();

    var answered = page.answer(question.id(), "The white one.", model,
        new org.springframework.security.web.csrf.DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", "token"));

    assertThat(answered.getStatus()).isEqualTo(org.springframework.http.HttpStatus.SERVICE_UNAVAILABLE);
    assertThat((String) model.getAttribute("failure")).startsWith("The mail server did not take the e-mail (")
        .endsWith("Nothing was sent: try again when it is up.");
    assertThat(TestMail.SMTP.getReceivedMessages()).isEmpty();
    // the question still waits for the customer's answer
    assertThat(pi).isWaitingAt(Elements.EVT_ANSWER_OR_SILENCE);
    assertThat(pi).hasNotPassed(Elements.MSG_CUSTOMER_REPLIED);
  }

  @Test
  void shouldTreatEmailAnswersAsTheMailboxDoesEmptyRefusedOversizedShortenedEndedCaseANewContact()
      throws Exception {
    String email = uniqueEmail("mail-rules");
    Contact contact = intake.receive(emailContact(email, "INQUIRY", "Delivery", "When will it arrive?"),
        "intake").contact();
    ProcessInstance pi = protocol(contact, InquiryProcess.KEY);
    complete(pi, "boris", DemoPeople.BORIS, Map.of(ReplyStep.REPLY_TEXT, "Tomorrow before noon.", ReplyStep.REPLY_KIND,
        "ANSWER", PlanFollowUpListener.TYPE, "NONE"));
    run(pi, Elements.SERVICE_SEND_REPLY);
    assertThat(pi).isEnded();
    Message reply = sent(contact, MessageKind.ANSWER);
    TestMail.SMTP.purgeEmailFromAllMailboxes();
    Page page = page("maria");

    HttpResponse<String> empty = answer(page, reply.id(), " ");
    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(empty.body()).contains("body: is required");
    assertThat(TestMail.SMTP.getReceivedMessages()).isEmpty();

    // 100 kB: an e-mail server takes it; careflow's mailbox reader keeps the first 100,000 characters
    HttpResponse<String> huge = answer(page, reply.id(), "y".repeat(100 * 1024));
    assertThat(huge.statusCode()).isEqualTo(303);
    mailbox.pollOnce();

    // the case had ended: the answer is a new contact of the same customer, as every late e-mail
    List<String> others = jdbc.sql("select id from contact where customer_email = ? and id <> ?")
        .params(email.toLowerCase(), contact.id()).query(String.class).list();
    assertThat(others).hasSize(1);
    Contact next = contacts.find(others.get(0)).orElseThrow();
    assertThat(next.channel().name()).isEqualTo("EMAIL");
    assertThat(next.body()).hasSizeLessThanOrEqualTo(100_000).startsWith("yyyy").endsWith("[… shortened by careflow]");
    assertThat(reload(contact).status()).isEqualTo(ContactStatus.RESOLVED);
  }

  // --- helpers

  private Contact chat(String name) {
    return intake.receive(new NewContact("CHAT", "chat-" + UUID.randomUUID(), null,
        new CustomerDetails(null, null, "Ola", "en", null, "chat:" + name + "-" + UUID.randomUUID()), null,
        "Do you have the kettle KET-200?", "INQUIRY", null, null), "intake").contact();
  }

  /** boris asks the chat customer something; the chat took it. */
  private Message ask(ProcessInstance pi, Contact contact, String question) {
    complete(pi, "boris", DemoPeople.BORIS, Conversation.done(Map.of(ReplyStep.REPLY_TEXT, question,
        ReplyStep.REPLY_KIND, "QUESTION", PlanFollowUpListener.TYPE, "NONE")));
    run(pi, Elements.SERVICE_SEND_REPLY);
    assertThat(pi).isWaitingAt(Elements.EVT_ANSWER_OR_SILENCE);
    return sent(contact, MessageKind.QUESTION);
  }

  private Message sent(Contact contact, MessageKind kind) {
    return messages.ofContact(contact.id()).stream()
        .filter(m -> m.kind() == kind && m.status() == MessageStatus.SENT).reduce((a, b) -> b).orElseThrow();
  }

  private static boolean to(MimeMessage mail, String address) {
    try {
      return Arrays.stream(mail.getAllRecipients()).anyMatch(r -> r.toString().contains(address));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  record Page(String user, String html, String csrfCookie, String csrfParameter, String csrfToken) {}

  private Page page(String user) throws Exception {
    HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(URI.create(baseUrl()
        + CustomerPageController.PATH)).header("Authorization", basic(user)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    String cookie = response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("XSRF-TOKEN="))
        .map(c -> c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';'))).findFirst().orElseThrow();
    Matcher hidden = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]+)\">")
        .matcher(response.body());
    assertThat(hidden.find()).as("the page's CSRF field").isTrue();
    return new Page(user, response.body(), cookie, hidden.group(1), hidden.group(2));
  }

  private HttpResponse<String> answer(Page page, String messageId, String text) throws Exception {
    String form = URLEncoder.encode(page.csrfParameter(), StandardCharsets.UTF_8) + "="
        + URLEncoder.encode(page.csrfToken(), StandardCharsets.UTF_8) + "&body="
        + URLEncoder.encode(text, StandardCharsets.UTF_8);
    return CLIENT.send(HttpRequest.newBuilder(URI.create(baseUrl() + CustomerPageController.PATH + "/messages/"
            + messageId + "/answer"))
        .header("Authorization", basic(page.user())).header("Cookie", page.csrfCookie())
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private int signedPost(String path, byte[] body, String signature) throws Exception {
    var request = HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Content-Type", "application/json");
    if (signature != null) {
      request.header(WebhookSender.SIGNATURE, signature);
    }
    return CLIENT.send(request.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
        HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private static String basic(String user) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
  }
}
