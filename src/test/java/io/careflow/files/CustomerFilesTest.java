package io.careflow.files;

import static io.careflow.support.SupportMailbox.deliver;
import static io.careflow.support.SupportMailbox.mail;
import static io.careflow.support.SupportMailbox.receivedBy;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMailUtil;
import io.careflow.mailbox.MailboxPoller;
import io.careflow.casefile.Contact;
import io.careflow.casefile.ContactEvents;
import io.careflow.support.Http;
import io.careflow.support.ProtocolTestSupport;
import io.careflow.support.SupportMailbox;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Customers' files from an e-mail: a photo within the cap is kept and opens for the case's
 * readers only; a file over the cap and one of a refused type are kept out with the reason on the
 * case, and the customer is told in their language which files could not be taken.
 */
class CustomerFilesTest extends ProtocolTestSupport {

  @Autowired
  MailboxPoller mailbox;

  @Autowired
  CustomerFiles files;

  @Autowired
  ContactEvents events;

  @Test
  void shouldKeepThePhotoRefuseTheRestWithTheReasonAndTellTheCustomerInTheirLanguage() throws Exception {
    String customer = uniqueEmail("pliki");
    byte[] photo = CustomerPhotoBrowserTest.photo();
    String messageId = deliver(mail(customer, "Ola Wiśniewska", "Zepsuty czajnik",
        "Dzień dobry, czajnik przestał działać po tygodniu. Zdjęcia w załączniku.",
        new SupportMailbox.File("czajnik.png", "image/png", photo),
        new SupportMailbox.File("film.mp4", "video/mp4", new byte[100 * 1024]),
        new SupportMailbox.File("faktura.exe", "application/octet-stream", new byte[] {'M', 'Z'})));
    mailbox.pollOnce();
    Contact contact = jdbc.sql("select id from contact where external_id = ?").param(messageId).query(String.class)
        .optional().flatMap(contacts::find).orElseThrow();

    List<CustomerFiles.StoredFile> stored = files.ofContact(contact.id());
    assertThat(stored).extracting(CustomerFiles.StoredFile::fileName)
        .containsExactlyInAnyOrder("czajnik.png", "film.mp4", "faktura.exe");
    CustomerFiles.StoredFile kept = stored.stream().filter(f -> f.fileName().equals("czajnik.png")).findFirst()
        .orElseThrow();
    assertThat(kept.accepted()).isTrue();
    assertThat(stored).filteredOn(f -> !f.accepted()).extracting(CustomerFiles.StoredFile::refusal)
        .containsExactlyInAnyOrder("over the size cap of 64 kB", "type application/octet-stream is not accepted");
    assertThat(events.of(contact.id())).filteredOn(e -> e.type().equals(CustomerFiles.ATTACHMENTS))
        .singleElement().satisfies(e -> assertThat(e.detail())
            .contains("film.mp4 (100 kB, not taken: over the size cap of 64 kB)")
            .contains("faktura.exe (0 kB, not taken: type application/octet-stream is not accepted)"));

    // the customer is told, in Polish, which files could not be taken and why, by the notice's own step
    var notice = processEngine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(FilesRefusedProcess.KEY).processInstanceBusinessKey(contact.id()).singleResult();
    run(notice, FilesRefusedProcess.Elements.SERVICE_TELL_FILES_REFUSED);
    var told = java.util.Arrays.stream(io.careflow.support.TestMail.SMTP.getReceivedMessagesForDomain(
            SupportMailbox.domain(customer))).map(GreenMailUtil::getBody)
        .filter(body -> body.contains("film.mp4")).toList();
    assertThat(told).singleElement().satisfies(body -> assertThat(body)
        .contains("Nie mogli=C5=9Bmy przyj=C4=85=C4=87").contains("faktura.exe"));
    assertThat(receivedBy(customer)).isNotNull();

    // the photo opens for a team lead, as the case page; never sniffed into another type
    String url = FilesOnTaskForms.url(contact.id(), kept.id());
    Http.Response opened = http.get("maria", url);
    assertThat(opened.status()).isEqualTo(200);
    assertThat(opened.header("Content-Type")).isEqualTo("image/png");
    assertThat(opened.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(opened.raw().body().length()).isPositive();
    // not for someone who may not open the case, nor without signing in
    assertThat(http.get(null, url).status()).isEqualTo(401);
    assertThat(http.get("anna", url).status()).isEqualTo(403);
    // a refused file has no content to open, and a file id of no case opens nothing
    String refusedId = stored.stream().filter(f -> !f.accepted()).findFirst().orElseThrow().id();
    assertThat(http.get("maria", FilesOnTaskForms.url(contact.id(), refusedId)).status()).isEqualTo(404);
    assertThat(http.get("maria", FilesOnTaskForms.url(contact.id(), "nope")).status()).isEqualTo(404);

    // the case page lists them: the photo as a thumbnail, the refused ones with why
    Http.Response page = http.get("maria", "/cases/" + contact.id());
    assertThat(page.body()).contains("id=\"files\"").contains("src=\"" + url + "\"")
        .contains("type application/octet-stream is not accepted");
  }

  @Test
  void shouldMakeHostileFileNamesHarmlessOnTheTaskForm() {
    assertThat(FilesOnTaskForms.safe("](javascript:alert(1)) <img src=x>.png")).doesNotContain("(", ")", "<", ">", "[", "]");
    assertThat(FilesOnTaskForms.safe("zdjęcie czajnika.jpg")).isEqualTo("zdjęcie czajnika.jpg");
  }
}
