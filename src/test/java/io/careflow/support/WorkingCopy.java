package io.careflow.support;

import io.careflow.CareflowApplication;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A designer's working copy in a folder of the test's: {@code processes/}, {@code forms/} and
 * {@code templates/} copied from the checkout, and careflow (test and demo profiles, an
 * in-memory database of its own) started on that copy — its models deployed from there, its
 * templates read from there.
 */
public final class WorkingCopy {

  private WorkingCopy() {}

  /** Copies the checkout's designer folders into {@code dir}. */
  public static Path copyInto(Path dir) throws IOException {
    for (String folder : List.of("processes", "forms", "templates")) {
      copyTree(Path.of(folder), dir.resolve(folder));
    }
    return dir;
  }

  /** careflow on the working copy in {@code dir}, with further arguments. */
  public static ConfigurableApplicationContext start(Path dir, String... extraArgs) {
    String root = dir.toAbsolutePath().toString();
    var args = new ArrayList<>(List.of("--server.port=0", "--spring.mail.port=" + TestMail.port(),
        "--spring.datasource.url=jdbc:h2:mem:copy-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
        "--camunda.bpm.deployment-resource-pattern=file:" + root + "/processes/**/*.bpmn,file:" + root
            + "/processes/**/*.dmn,file:" + root + "/forms/**/*.form",
        "--spring.freemarker.template-loader-path=file:" + root + "/templates/,classpath:/templates/"));
    args.addAll(List.of(extraArgs));
    return new SpringApplicationBuilder(CareflowApplication.class).profiles("test", "demo")
        .run(args.toArray(String[]::new));
  }

  public static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.toList()) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.createDirectories(target.getParent());
          Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }
}
