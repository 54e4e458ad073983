package io.careflow.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * Texts a shop edits without touching Java — subject lines, the customers' pages — kept as
 * UTF-8 {@code .properties} files next to the templates ({@code templates/…}).
 */
public final class TextFiles {

  private TextFiles() {}

  /** The file at {@code path} on the classpath (e.g. {@code /templates/public/texts_pl.properties}); empty when there is none. */
  public static Properties load(String path) {
    var properties = new Properties();
    try (InputStream in = TextFiles.class.getResourceAsStream(path)) {
      if (in != null) {
        properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties;
  }
}
