package io.careflow.question;

import static io.careflow.support.SupportMailbox.deliver;
import static io.careflow.support.SupportMailbox.mail;
import static io.careflow.support.SupportMailbox.receivedBy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.careflow.communication.Message;
import io.careflow.communication.MessageKind;
import io.careflow.mailbox.MailboxPoller;
import io.careflow.casefile.Contact;
import io.careflow.casefile.ContactStatus;
import io.careflow.contact.NewContact;
import io.careflow.contact.NewContact.CustomerDetails;
import io.careflow.files.FilesOnTaskForms;
import io.careflow.protocol.inquiry.InquiryProcess;
import io.careflow.protocol.inquiry.InquiryProcess.Elements;
import io.careflow.sla.DeadlineService;
import io.careflow.support.Http;
import io.careflow.support.ProtocolTestSupport;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The public answer page: the question carries a link to it; the page shows the question in the
 * customer's language and takes text and files; the answer resumes the case as an e-mail answer
 * does; the link then opens nothing — nor once the question was answered by e-mail.
 */
class AnswerPageTest extends ProtocolTestSupport {

  static final List<String> INQUIRIES = List.of("agents", "team-inquiries");

  @Autowired
  MailboxPoller mailbox;

  @Test
  void shouldTakeTheAnswerWithAPhotoOnThePageAndResumeTheStepAsAnEmailAnswerDoes() throws Exception {
    Contact contact = intake.receive(new NewContact("EMAIL", "<" + UUID.randomUUID() + "@mail.example>", null,
        new CustomerDetails(uniqueEmail("otvet"), null, "Ольга", "ru"), "Чайник", "Какой фильтр подходит?",
        "INQUIRY", null, null), "intake").contact();
    ProcessInstance pi = protocol(contact, InquiryProcess.KEY);
    Task task = task(pi);
    complete(pi, "boris", INQUIRIES, Map.of(CustomerQuestions.FORM_QUESTION, "Какая у вас модель? <b>Фото</b> поможет."));
    assertThat(deadline(contact.id(), DeadlineService.REPLY).isPaused()).isTrue();

    Message question = messages.ofContact(contact.id()).stream().filter(m -> m.kind() == MessageKind.QUESTION)
        .findFirst().orElseThrow();
    assertThat(question.body()).startsWith("Какая у вас модель?")
        .contains("Вы также можете ответить на этой странице");
    String path = answerPath(question.body());

    Http.Response page = http.get(null, path);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("Ваш ответ на наш вопрос").contains("&lt;b&gt;Фото&lt;/b&gt;")
        .contains("type=\"file\"");

    // neither text nor file: the page asks for one, and nothing moves
    Http.Response empty = http.postMultipart(path, Map.of("answer", " "), "files");
    assertThat(empty.status()).isEqualTo(400);
    assertThat(empty.body()).contains("Пожалуйста, напишите ответ или добавьте файл.");
    assertThat(deadline(contact.id(), DeadlineService.REPLY).isPaused()).isTrue();

    Http.Response answered = http.postMultipart(path, Map.of("answer", "Модель K-200, фото прилагаю."), "files",
        new Http.Part("model.png", "image/png", photo()));
    assertThat(answered.status()).isEqualTo(200);
    assertThat(answered.body()).contains("id=\"thanks\"").doesNotContain("files-refused");

    // resumed as by e-mail: the customer's message on the case, the clock runs, the task shows answer and photo
    assertThat(messages.ofContact(contact.id())).anySatisfy(m -> {
      assertThat(m.kind()).isEqualTo(MessageKind.CUSTOMER);
      assertThat(m.body()).isEqualTo("Модель K-200, фото прилагаю.");
    });
    assertThat(deadline(contact.id(), DeadlineService.REPLY).isPaused()).isFalse();
    assertThat(reload(contact).status()).isEqualTo(ContactStatus.OPEN);
    var tasks = processEngine.getTaskService();
    assertThat(tasks.getVariableLocal(task.getId(), CustomerQuestions.FORM_ANSWER)).asString()
        .contains("Модель K-200, фото прилагаю.");
    assertThat(tasks.getVariableLocal(task.getId(), FilesOnTaskForms.VARIABLE)).asString()
        .contains("[![model.png](/cases/" + contact.id() + "/files/");
    assertThat(pi).isWaitingAt(Elements.USER_ANSWER_CUSTOMER);

    // the link is spent: the page says so in the customer's language
    Http.Response again = http.get(null, path);
    assertThat(again.status()).isEqualTo(410);
    assertThat(again.body()).contains("lang=\"ru\"");
  }

  @Test
  void shouldCloseTheAnswerPageOnceTheCustomerAnsweredByEmail() throws Exception {
    String customer = uniqueEmail("answer-mail");
    String first = deliver(mail(customer, "Jan", "Delivery", "How long does delivery take?"));
    mailbox.pollOnce();
    Contact contact = contacts.find(jdbc.sql("select id from contact where external_id = ?").param(first)
        .query(String.class).single()).orElseThrow();
    ProcessInstance pi = protocol(contact, InquiryProcess.KEY);
    complete(pi, "boris", INQUIRIES, Map.of(CustomerQuestions.FORM_QUESTION, "Which city?"));
    MimeMessage asked = receivedBy(customer);
    String path = answerPath(messages.ofContact(contact.id()).stream().filter(m -> m.kind() == MessageKind.QUESTION)
        .findFirst().orElseThrow().body());
    assertThat(http.get(null, path).status()).isEqualTo(200);

    MimeMessage answer = mail(customer, "Jan", asked.getSubject(), "Gdansk.");
    answer.setHeader("In-Reply-To", asked.getMessageID());
    deliver(answer);
    mailbox.pollOnce();

    assertThat(http.get(null, path).status()).isEqualTo(410);
    assertThat(http.postMultipart(path, Map.of("answer", "Gdansk again"), "files").status()).isEqualTo(410);
    assertThat(messages.ofContact(contact.id())).noneSatisfy(m -> assertThat(m.body()).isEqualTo("Gdansk again"));
  }

  /** A small PNG (a real image, as a phone sends). */
  static byte[] photo() throws Exception {
    var image = new java.awt.image.BufferedImage(40, 30, java.awt.image.BufferedImage.TYPE_INT_RGB);
    var out = new java.io.ByteArrayOutputStream();
    javax.imageio.ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  private static String answerPath(String body) {
    Matcher m = Pattern.compile("https?://[^/\\s]+(" + CustomerQuestions.LINK_PATH + "\\S+)").matcher(body);
    if (!m.find()) {
      throw new AssertionError("No answer link in " + body);
    }
    return m.group(1);
  }
}
