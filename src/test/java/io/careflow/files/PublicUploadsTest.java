package io.careflow.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.careflow.casefile.Contact;
import io.careflow.contact.NewContact;
import io.careflow.contact.NewContact.CustomerDetails;
import io.careflow.protocol.returns.ReturnProcess;
import io.careflow.support.Http;
import io.careflow.support.ProtocolTestSupport;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Files on the customers' public forms (the return form): a photo is kept with the form and shows
 * on the case; a file over the cap — even one far over Spring's own default part limit — and one
 * of a refused type are kept out with why, named on the page in the customer's language, and the
 * customer is told by the notice step. A form refused for its own fields stores no file.
 */
class PublicUploadsTest extends ProtocolTestSupport {

  @Autowired
  CustomerFiles files;

  @Test
  void shouldKeepThePhotoWithTheReturnFormAndNameTheRefusedFilesInTheCustomersLanguage() throws Exception {
    Contact contact = intake.receive(new NewContact("EMAIL", "<" + UUID.randomUUID() + "@mail.example>", null,
        new CustomerDetails(uniqueEmail("zwrot-pliki"), null, "Ola Nowak", "pl"), "Zwrot", "Chcę zwrócić buty.",
        "RETURN", "PL-2026-000777", "SHOE-42"), "intake").contact();
    ProcessInstance pi = protocol(contact, ReturnProcess.KEY);
    run(pi, ReturnProcess.Elements.SERVICE_SEND_RETURN_FORM_LINK);
    String path = linkedPath(contact);

    Http.Response form = http.get(null, path);
    assertThat(form.status()).isEqualTo(200);
    assertThat(form.body()).contains("enctype=\"multipart/form-data\"").contains("type=\"file\"")
        .contains("accept=\"image/jpeg,").contains("Zdjęcia lub dokumenty");

    byte[] photo = CustomerPhotoBrowserTest.photo();
    Http.Part photoPart = new Http.Part("buty.png", "image/png", photo);
    // the form's own fields refused: nothing of it is kept, not even the files, and the link still opens
    Http.Response refused = http.postMultipart(path, Map.of("comment", ""), "files", photoPart);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body()).contains("id=\"error\"");
    assertThat(files.ofContact(contact.id())).isEmpty();

    // 2 MB: over careflow's cap (64 kB in tests) and over Spring's default part limit (1 MB)
    Http.Response sent = http.postMultipart(path, Map.of("reason", "DAMAGED_ON_ARRIVAL", "comment", "Pęknięta podeszwa"),
        "files", photoPart, new Http.Part("film.mp4", "video/mp4", new byte[2 * 1024 * 1024]),
        new Http.Part("C:\\Users\\ola\\program.exe", "application/x-msdownload", new byte[] {'M', 'Z'}));
    assertThat(sent.status()).isEqualTo(200);
    assertThat(sent.body()).contains("id=\"instructions\"").contains("id=\"files-refused\"")
        .contains("Nie mogliśmy przyjąć tych plików").contains("film.mp4: większy niż 64 kB")
        .contains("program.exe: rodzaj pliku, którego nie możemy bezpiecznie otworzyć").doesNotContain("buty.png:");

    List<CustomerFiles.StoredFile> stored = files.ofContact(contact.id());
    assertThat(stored).extracting(CustomerFiles.StoredFile::fileName)
        .containsExactlyInAnyOrder("buty.png", "film.mp4", "program.exe");
    assertThat(stored).filteredOn(CustomerFiles.StoredFile::accepted).singleElement()
        .satisfies(f -> assertThat(f.fileName()).isEqualTo("buty.png"));
    assertThat(jdbc.sql("select count(*) from message_attachment where contact_id = ? and source = ?")
        .params(contact.id(), CustomerFiles.SOURCE_WEB_FORM).query(Long.class).single()).isEqualTo(3);
    assertThat(pi).hasPassed(ReturnProcess.Elements.RECEIVE_RETURN_FORM);

    // the case page shows the photo; the customer is told by the notice step, in Polish
    String photoId = stored.stream().filter(CustomerFiles.StoredFile::accepted).findFirst().orElseThrow().id();
    assertThat(http.get("maria", "/cases/" + contact.id()).body())
        .contains("src=\"" + FilesOnTaskForms.url(contact.id(), photoId) + "\"");
    ProcessInstance notice = processEngine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(FilesRefusedProcess.KEY).processInstanceBusinessKey(contact.id()).singleResult();
    run(notice, FilesRefusedProcess.Elements.SERVICE_TELL_FILES_REFUSED);
    assertThat(notices(contact)).filteredOn(m -> m.body().contains("film.mp4")).singleElement()
        .satisfies(m -> assertThat(m.body()).contains("Nie mogliśmy przyjąć").contains("program.exe"));

    // the link is spent
    assertThat(http.postMultipart(path, Map.of("reason", "CHANGED_MIND"), "files").status()).isEqualTo(410);
  }
}
