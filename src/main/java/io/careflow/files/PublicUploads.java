package io.careflow.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * Files a customer uploads on a public page of their case (the return form, the answer to a
 * question): read as {@link IncomingFile}s for {@link CustomerFiles#store} — a file over the cap
 * is never read whole, only its name and size are kept with the reason — and what the page needs
 * to offer the upload and name the files it could not take.
 */
@Component
public class PublicUploads {

  /** The most files one page takes at once. */
  public static final int MAX_FILES = 10;

  private final CustomerFiles files;
  private final FilesProperties policy;

  public PublicUploads(CustomerFiles files, FilesProperties policy) {
    this.files = files;
    this.policy = policy;
  }

  /** The chosen files; a browser sends an empty part for a file input left empty, which is no file. */
  public List<IncomingFile> read(List<MultipartFile> uploads) {
    if (uploads == null) {
      return List.of();
    }
    return uploads.stream().filter(Objects::nonNull).filter(u -> !u.isEmpty() || hasName(u)).map(this::read).toList();
  }

  /** Whether more files came than a page takes. */
  public boolean tooMany(List<MultipartFile> uploads) {
    return read(uploads).size() > MAX_FILES;
  }

  private IncomingFile read(MultipartFile upload) {
    try {
      byte[] content = upload.getSize() > files.maxBytes() ? null : upload.getBytes();
      return new IncomingFile(fileName(upload.getOriginalFilename()), upload.getContentType(), upload.getSize(),
          content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean hasName(MultipartFile upload) {
    return upload.getOriginalFilename() != null && !upload.getOriginalFilename().isBlank();
  }

  /** A browser may send a whole path as the name (old ones did): the name is its last part. */
  static String fileName(String original) {
    String name = original == null ? "" : original.replace('\\', '/');
    name = name.substring(name.lastIndexOf('/') + 1).strip();
    return name.isEmpty() ? "file" : name.length() > 255 ? name.substring(name.length() - 255) : name;
  }

  /** What the page's upload field shows: the cap, the types a file chooser offers, the most files. */
  public Map<String, Object> field() {
    return Map.of("maxFileSize", files.maxSize(), "acceptTypes", String.join(",", policy.allowedTypes()),
        "maxFiles", MAX_FILES);
  }

  /** The refused files as a page lists them: each name with the reason word SIZE or TYPE. */
  public static List<Map<String, String>> refusedForPage(List<CustomerFiles.Refused> refused) {
    return refused.stream().map(r -> Map.of("name", r.fileName(), "reason", r.reason())).toList();
  }
}
