package io.careflow.mailbox;

import static org.assertj.core.api.Assertions.assertThat;
import static io.careflow.support.SupportMailbox.deliver;
import static io.careflow.support.SupportMailbox.domain;
import static io.careflow.support.SupportMailbox.mail;
import static io.careflow.support.SupportMailbox.receivedBy;
import static io.careflow.support.SupportMailbox.supportInbox;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.careflow.communication.CaseToken;
import io.careflow.communication.Message;
import io.careflow.communication.MessageKind;
import io.careflow.communication.ReplyStep;
import io.careflow.mailbox.InboundMail.Outcome;
import io.careflow.casefile.Contact;
import io.careflow.casefile.ContactEvents;
import io.careflow.casefile.ContactStatus;
import io.careflow.files.CustomerFiles;
import io.careflow.followup.PlanFollowUpListener;
import io.careflow.protocol.inquiry.InquiryProcess;
import io.careflow.protocol.inquiry.InquiryProcess.Elements;
import io.careflow.support.ProtocolTestSupport;
import io.careflow.support.TestMail;
import jakarta.activation.DataHandler;
import jakarta.mail.Flags;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The support mailbox (GreenMail IMAP) both ways: an e-mail becomes a case, a re-read creates
 * nothing, the agent's answer threads under it (GreenMail SMTP), the customer's answer lands
 * on the same case and resumes it.
 */
abstract class InboundMailScenarios extends ProtocolTestSupport {

  @Autowired
  MailboxPoller mailbox;

  @Autowired
  CustomerFiles attachments;

  @Autowired
  ContactEvents events;

  @Test
  void shouldOpenACaseForANewEmailOnceAndMarkItSeenAfterwards() throws Exception {
    String customer = uniqueEmail("ola");
    String messageId = deliver(mail(customer, "Ola Kowalska", "Dostawa", "How long does delivery to Gdańsk take?"));

    assertThat(mailbox.pollOnce()).containsExactly(Map.entry(Outcome.NEW_CONTACT, 1));

    Contact contact = contactOf(messageId);
    assertThat(contact.channel().name()).isEqualTo("EMAIL");
    assertThat(contact.customerEmail()).isEqualTo(customer);
    assertThat(contact.subject()).isEqualTo("Dostawa");
    assertThat(contact.body()).isEqualTo("How long does delivery to Gdańsk take?");
    assertThat(protocol(contact, InquiryProcess.KEY)).isWaitingAt(Elements.USER_ANSWER_CUSTOMER);
    assertThat(supportInbox()).singleElement()
        .satisfies(stored -> assertThat(stored.getFlags().contains(Flags.Flag.SEEN)).isTrue());

    // seen: the next poll has nothing to read
    assertThat(mailbox.pollOnce()).isEmpty();
    // the same e-mail again (a mail server re-delivering it) creates nothing new
    deliver(mail(customer, "Ola Kowalska", "Dostawa", "How long does delivery to Gdańsk take?"), messageId);
    long before = contacts.count();
    assertThat(mailbox.pollOnce()).containsExactly(Map.entry(Outcome.DUPLICATE, 1));
    assertThat(contacts.count()).isEqualTo(before);
  }

  @Test
  void shouldThreadTheAnswerAndCorrelateTheCustomersReplyToTheWaitingCase() throws Exception {
    String customer = uniqueEmail("thread");
    String first = deliver(mail(customer, "Jan Nowak", "Paczka", "How long does the parcel take?"));
    mailbox.pollOnce();
    Contact contact = contactOf(first);
    ProcessInstance pi = protocol(contact, InquiryProcess.KEY);

    // the agent asks back: the case waits for the customer, the question goes out in the thread
    complete(pi, "boris", List.of("agents", "team-inquiries"), Map.of(ReplyStep.REPLY_TEXT, "Which city?",
        ReplyStep.REPLY_KIND, "QUESTION", PlanFollowUpListener.TYPE, "NONE"));
    run(pi, Elements.SERVICE_SEND_REPLY);
    assertThat(pi).isWaitingAt(Elements.EVT_ANSWER_OR_SILENCE);
    MimeMessage question = receivedBy(customer);
    assertThat(question.getHeader("In-Reply-To")[0]).isEqualTo(first);
    assertThat(question.getHeader("References")[0]).isEqualTo(first);
    assertThat(question.getSubject()).isEqualTo("Re: Paczka " + CaseToken.of(contact.id()));
    assertThat(((InternetAddress) question.getFrom()[0]).getPersonal()).isEqualTo("Boris Ivanov");
    assertThat(((InternetAddress) question.getFrom()[0]).getAddress()).isEqualTo(TestMail.SUPPORT);

    // the customer answers in the thread: no new contact, the case resumes
    long before = contacts.count();
    MimeMessage answer = mail(customer, "Jan Nowak", question.getSubject(), "To Gdańsk, please.");
    answer.setHeader("In-Reply-To", question.getMessageID());
    String answerId = deliver(answer);
    assertThat(mailbox.pollOnce()).containsExactly(Map.entry(Outcome.REPLY, 1));

    assertThat(contacts.count()).isEqualTo(before);
    assertThat(pi).hasPassed(Elements.MSG_CUSTOMER_REPLIED, Elements.SERVICE_RESUME_REPLY_CLOCK)
        .isWaitingAt(Elements.USER_ANSWER_CUSTOMER);
    assertThat(messages.ofContact(contact.id())).filteredOn(m -> m.direction() == Message.Direction.IN)
        .singleElement().satisfies(m -> {
          assertThat(m.body()).isEqualTo("To Gdańsk, please.");
          assertThat(m.externalId()).isEqualTo(answerId);
          assertThat(m.kind()).isEqualTo(MessageKind.CUSTOMER);
        });

    // the final answer threads under the customer's newest e-mail
    complete(pi, "boris", List.of("agents", "team-inquiries"), Map.of(ReplyStep.REPLY_TEXT, "Two days.",
        PlanFollowUpListener.TYPE, "NONE"));
    run(pi, Elements.SERVICE_SEND_REPLY);
    MimeMessage[] toCustomer = TestMail.SMTP.getReceivedMessagesForDomain(domain(customer));
    MimeMessage last = toCustomer[toCustomer.length - 1];
    assertThat(last.getHeader("In-Reply-To")[0]).isEqualTo(answerId);
    assertThat(last.getHeader("References")[0].split(" ")).containsExactly(first, question.getMessageID(), answerId);
  }

  @Test
  void shouldFindTheCaseByItsTokenWhenTheMailProgramDroppedTheHeaders() throws Exception {
    String customer = uniqueEmail("token");
    String first = deliver(mail(customer, null, "Gwarancja", "How long is the warranty?"));
    mailbox.pollOnce();
    Contact contact = contactOf(first);

    deliver(mail(customer, null, "Re: Gwarancja " + CaseToken.of(contact.id()), "And for batteries?"));
    // someone else quoting the token does not reach the case
    String stranger = deliver(mail(uniqueEmail("stranger"), null, "Fwd: " + CaseToken.of(contact.id()),
        "How long is my warranty?"));
    assertThat(mailbox.pollOnce()).containsOnly(Map.entry(Outcome.REPLY, 1), Map.entry(Outcome.NEW_CONTACT, 1));

    assertThat(messages.ofContact(contact.id())).filteredOn(m -> m.direction() == Message.Direction.IN)
        .singleElement().satisfies(m -> assertThat(m.body()).isEqualTo("And for batteries?"));
    assertThat(contactOf(stranger).id()).isNotEqualTo(contact.id());
    assertThat(events.of(contact.id())).anySatisfy(e -> {
      assertThat(e.type()).isEqualTo(ContactEvents.MESSAGE_RECEIVED);
      assertThat(e.detail()).contains("kept on the case");
    });
  }

  @Test
  void shouldOpenANewCaseForAnAnswerToAFinishedOne() throws Exception {
    String customer = uniqueEmail("finished");
    String first = deliver(mail(customer, null, "Stock", "Is it in stock? How much?"));
    mailbox.pollOnce();
    Contact contact = contactOf(first);
    jdbc.sql("update contact set status = 'RESOLVED' where id = ?").param(contact.id()).update();

    String again = deliver(mail(customer, null, "Re: Stock " + CaseToken.of(contact.id()), "One more question"));
    assertThat(mailbox.pollOnce()).containsExactly(Map.entry(Outcome.NEW_CONTACT, 1));

    Contact next = contactOf(again);
    assertThat(next.id()).isNotEqualTo(contact.id());
    assertThat(next.status()).isEqualTo(ContactStatus.OPEN);
    assertThat(events.of(next.id())).anySatisfy(e -> assertThat(e.detail())
        .isEqualTo("answers case " + CaseToken.of(contact.id()) + ", which was already resolved"));
  }

  @Test
  void shouldReduceHtmlToTextAndKeepTheAttachmentsWithinTheCap() throws Exception {
    String customer = uniqueEmail("html");
    MimeMessage mime = new MimeMessage(Session.getInstance(new Properties()));
    mime.setFrom(new InternetAddress(customer));
    mime.setRecipients(jakarta.mail.Message.RecipientType.TO, TestMail.SUPPORT);
    mime.setSubject("Photo of the broken kettle", "UTF-8");
    var html = new MimeBodyPart();
    html.setContent("<html><head><style>p{color:red}</style><script>alert('x')</script></head><body>"
        + "<p>My kettle <b>stopped working</b>.</p><p>See&nbsp;photo &lt;attached&gt;<br>Ola</p>"
        + "<img src=\"https://tracker.example/pixel.gif\" onerror=\"alert(1)\"></body></html>", "text/html; charset=UTF-8");
    var photo = new MimeBodyPart();
    photo.setDataHandler(new DataHandler(new ByteArrayDataSource(new byte[2048], "image/jpeg")));
    photo.setFileName("../../etc/kettle.jpg");
    var video = new MimeBodyPart();
    video.setDataHandler(new DataHandler(new ByteArrayDataSource(new byte[100 * 1024], "video/mp4")));
    video.setFileName("kettle.mp4");
    var multipart = new MimeMultipart("mixed");
    multipart.addBodyPart(html);
    multipart.addBodyPart(photo);
    multipart.addBodyPart(video);
    mime.setContent(multipart);
    String id = deliver(mime);

    mailbox.pollOnce();

    Contact contact = contactOf(id);
    assertThat(contact.body()).isEqualTo("My kettle stopped working.\n\nSee photo <attached>\nOla");
    var stored = attachments.ofContact(contact.id());
    assertThat(stored).hasSize(2);
    // a name, not a path; exact size under the cap; the content kept
    assertThat(stored.get(0)).satisfies(f -> {
      assertThat(f.fileName()).isEqualTo("kettle.jpg");
      assertThat(f.mediaType()).isEqualTo("image/jpeg");
      assertThat(f.sizeBytes()).isEqualTo(2048);
      assertThat(f.accepted()).isTrue();
    });
    assertThat(attachments.content(contact.id(), stored.get(0).id())).hasValueSatisfying(c ->
        assertThat(c.bytes()).hasSize(2048));
    // over the cap: not kept, its size estimated without downloading it all, the reason on the case
    assertThat(stored.get(1).fileName()).isEqualTo("kettle.mp4");
    assertThat(stored.get(1).accepted()).isFalse();
    assertThat(stored.get(1).sizeBytes()).isBetween(100 * 1024L, 101 * 1024L);
    assertThat(attachments.content(contact.id(), stored.get(1).id())).isEmpty();
    assertThat(events.of(contact.id())).anySatisfy(e -> {
      assertThat(e.type()).isEqualTo(CustomerFiles.ATTACHMENTS);
      assertThat(e.detail()).isEqualTo("kettle.jpg (2 kB), kettle.mp4 (100 kB, not taken: over the size cap of 64 kB)");
    });
  }

  @Test
  void shouldIgnoreAutomaticRepliesAndRejectMailWithoutSender() throws Exception {
    MimeMessage outOfOffice = mail(uniqueEmail("away"), null, "Out of office", "I am away until Monday.");
    outOfOffice.setHeader("Auto-Submitted", "auto-replied");
    deliver(outOfOffice);
    MimeMessage anonymous = mail(uniqueEmail("x"), null, "?", "no sender");
    anonymous.removeHeader("From");
    deliver(anonymous);
    long before = contacts.count();

    assertThat(mailbox.pollOnce()).containsOnly(Map.entry(Outcome.IGNORED, 1), Map.entry(Outcome.REJECTED, 1));

    assertThat(contacts.count()).isEqualTo(before);
    // handled: not read again
    assertThat(supportInbox()).allSatisfy(m -> assertThat(m.getFlags().contains(Flags.Flag.SEEN)).isTrue());
  }

  private Contact contactOf(String messageId) {
    return jdbc.sql("select id from contact where channel = 'EMAIL' and external_id = ?").param(messageId)
        .query(String.class).optional().flatMap(contacts::find)
        .orElseThrow(() -> new AssertionError("No contact for " + messageId));
  }
}
