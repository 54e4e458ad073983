package io.careflow.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Texts a shop edits without touching Java — subject lines, topic names, the customers'
 * pages — kept as UTF-8 {@code .properties} files next to the message templates, in the
 * same folders FreeMarker reads ({@code spring.freemarker.template-loader-path}, by default
 * the top-level {@code templates/} packaged into the application). The first folder that
 * has a file wins, as for the templates.
 */
@Component
public class TextFiles {

  private final List<String> locations;
  private final PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();

  public TextFiles(@Value("${spring.freemarker.template-loader-path:classpath:/templates/}") List<String> locations) {
    this.locations = locations.stream().map(l -> l.endsWith("/") ? l : l + "/").toList();
  }

  /** Whether a folder is read from the file system (the demo's working copy): its files may change while careflow runs. */
  public boolean readsWorkingCopy() {
    return locations.stream().anyMatch(l -> !l.startsWith("classpath"));
  }

  /** The file at {@code path} below the templates folder (e.g. {@code public/texts_pl.properties}); empty when there is none. */
  public Properties load(String path) {
    for (String location : locations) {
      Resource resource = resolver.getResource(location + path);
      if (resource.exists()) {
        return read(resource);
      }
    }
    return new Properties();
  }

  /**
   * Every {@code <prefix>_<language>.properties} below the templates folder, by language
   * (e.g. prefix {@code public/texts}): a new language is a new file.
   */
  public Map<String, Properties> perLanguage(String prefix) {
    var byLanguage = new TreeMap<String, Properties>();
    String baseName = prefix.substring(prefix.lastIndexOf('/') + 1) + "_";
    for (String location : locations) {
      String pattern = location.startsWith("classpath:") ? "classpath*:" + location.substring("classpath:".length())
          : location;
      try {
        for (Resource file : resolver.getResources(pattern.replaceFirst("^classpath\\*:/", "classpath*:") + prefix
            + "_*.properties")) {
          String name = Objects.requireNonNull(file.getFilename());
          String language = name.substring(baseName.length(), name.length() - ".properties".length());
          byLanguage.putIfAbsent(language, read(file));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return byLanguage;
  }

  /**
   * Every file below {@code folder} of the templates folder whose name ends in {@code suffix}, by
   * its path below the templates folder (e.g. {@code replies/any/more-time_pl.txt}), read as
   * UTF-8; the first folder that has a path wins.
   */
  public Map<String, String> all(String folder, String suffix) {
    var files = new TreeMap<String, String>();
    for (String location : locations) {
      String base = location.startsWith("classpath:") ? "classpath*:" + location.substring("classpath:".length())
          : location;
      base = base.replaceFirst("^classpath\\*:/", "classpath*:");
      try {
        for (Resource file : resolver.getResources(base + folder + "/**/*" + suffix)) {
          String url = file.getURL().toString();
          int at = url.lastIndexOf("/" + folder + "/");
          if (at < 0) {
            continue;
          }
          String path = url.substring(at + 1);
          if (!files.containsKey(path)) {
            try (InputStream in = file.getInputStream()) {
              files.put(path, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
          }
        }
      } catch (java.io.FileNotFoundException noFolder) {
        // a location without that folder has none of its files
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return files;
  }

  private static Properties read(Resource resource) {
    var properties = new Properties();
    try (InputStream in = resource.getInputStream()) {
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties;
  }
}
