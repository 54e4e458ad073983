package io.careflow.cases.page;

import io.careflow.files.CustomerFiles;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /cases/{id}/files/{fileId}}: a customer's kept file, for whoever may open the case
 * page (its security chain decides before). Shown in the browser only for what browsers show
 * without running anything — images, PDF, plain text — anything else is a download; never
 * sniffed into another type, and cached only by the agent's own browser.
 */
@RestController
public class CaseFilesController {

  private final CustomerFiles files;

  public CaseFilesController(CustomerFiles files) {
    this.files = files;
  }

  @GetMapping("/cases/{id}/files/{fileId}")
  public ResponseEntity<byte[]> file(@PathVariable String id, @PathVariable String fileId) {
    return files.content(id, fileId).map(content -> {
      MediaType type = type(content.file().mediaType());
      boolean shown = type.getType().equals("image") || type.isCompatibleWith(MediaType.APPLICATION_PDF)
          || type.isCompatibleWith(MediaType.TEXT_PLAIN);
      return ResponseEntity.ok()
          .contentType(shown ? type : MediaType.APPLICATION_OCTET_STREAM)
          .header(HttpHeaders.CONTENT_DISPOSITION, (shown ? ContentDisposition.inline() : ContentDisposition.attachment())
              .filename(content.file().fileName(), StandardCharsets.UTF_8).build().toString())
          .header("X-Content-Type-Options", "nosniff")
          .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePrivate())
          .body(content.bytes());
    }).orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN)
        .body("No such file on this case (or it was not taken).".getBytes(StandardCharsets.UTF_8)));
  }

  private static MediaType type(String stored) {
    try {
      MediaType type = MediaType.parseMediaType(stored);
      return type.isCompatibleWith(MediaType.TEXT_PLAIN) ? new MediaType(type, StandardCharsets.UTF_8) : type;
    } catch (RuntimeException e) {
      return MediaType.APPLICATION_OCTET_STREAM;
    }
  }
}
