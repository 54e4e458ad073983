package io.careflow.files;

import static org.assertj.core.api.Assertions.assertThat;

import io.careflow.casefile.Contact;
import io.careflow.protocol.returns.ReturnProcess;
import io.careflow.support.Http;
import io.careflow.support.OwnCareflow;
import io.careflow.support.ProtocolTestSupport;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * An upload larger in all than a public page takes ({@code careflow.public-links.max-upload-bytes},
 * 300,000 bytes here) is refused with 413 before it is read — never a 500 — and nothing is kept:
 * no file, no form, the link still opens. Its own limits make it a careflow of its own.
 */
@Tag(OwnCareflow.TAG)
@TestPropertySource(properties = {"careflow.public-links.max-upload-bytes=300000",
    "spring.servlet.multipart.max-request-size=300000"})
class PublicUploadLimitTest extends ProtocolTestSupport {

  @Autowired
  CustomerFiles files;

  @Test
  void shouldRefuseAnUploadOverTheWholeLimitWith413AndKeepNothing() {
    Contact contact = intake.receive(emailContact(uniqueEmail("too-much"), "RETURN", "Return", "Return please"),
        "intake").contact();
    run(protocol(contact, ReturnProcess.KEY), ReturnProcess.Elements.SERVICE_SEND_RETURN_FORM_LINK);
    String path = linkedPath(contact);

    Http.Response refused = http.postMultipart(path, Map.of("reason", "CHANGED_MIND"), "files",
        new Http.Part("a.png", "image/png", new byte[200_000]), new Http.Part("b.png", "image/png", new byte[200_000]));

    assertThat(refused.status()).isEqualTo(413);
    assertThat(files.ofContact(contact.id())).isEmpty();
    assertThat(http.get(null, path).status()).isEqualTo(200);
  }
}
