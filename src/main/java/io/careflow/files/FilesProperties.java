package io.careflow.files;

import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What careflow takes from customers' files ({@code careflow.attachments.*}): each file at most
 * {@code max-size}, of a media type in {@code allowed-types} ({@code image/*} style wildcards
 * allowed). Images a browser shows, PDF and plain text by default: no HTML or SVG (they can carry
 * scripts), no executables or archives.
 */
@ConfigurationProperties("careflow.attachments")
public record FilesProperties(
    @DefaultValue("10MB") DataSize maxSize,
    @DefaultValue({"image/jpeg", "image/png", "image/gif", "image/webp", "image/heic", "application/pdf",
        "text/plain"}) List<String> allowedTypes) {

  public FilesProperties {
    allowedTypes = allowedTypes.stream().map(t -> t.strip().toLowerCase(Locale.ROOT)).toList();
    if (allowedTypes.stream().anyMatch(t -> t.equals("image/svg+xml") || t.equals("text/html"))) {
      throw new IllegalArgumentException("careflow.attachments.allowed-types must not allow HTML or SVG: "
          + "agents open the files in their browser, and those can carry scripts");
    }
  }

  /** Whether a file of this media type is taken. */
  public boolean allows(String mediaType) {
    String type = mediaType == null ? "" : mediaType.toLowerCase(Locale.ROOT);
    return allowedTypes.stream().anyMatch(allowed -> allowed.endsWith("/*")
        ? type.startsWith(allowed.substring(0, allowed.length() - 1)) : type.equals(allowed));
  }
}
