package io.careflow.model;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.ResourceReport;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.engine.repository.ResourceDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Live reload while designing (profile {@code demo} only: {@code careflow.designer.live-reload}):
 * a BPMN, DMN or form saved in {@code processes/} or {@code forms/} of the working copy is
 * deployed within a second — only what changed, under careflow's deployment name, through the
 * same checks as at start — and the log names the new version. A file the engine or
 * {@link io.careflow.deployment.ModelChecks} refuses is logged with its file, line and reason; the running version
 * stays. A message template or text saved in {@code templates/} is read again at once (the demo
 * profile reads templates from the working copy first); {@link TemplatesChanged} tells the
 * caches of texts. Off in production, where models come with the application.
 */
@Component
@ConditionalOnProperty(name = "careflow.designer.live-reload.enabled", havingValue = "true")
public class LiveReload implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(LiveReload.class);
  /** Editors save in several writes: wait for the burst to end. */
  static final long QUIET_MILLIS = 300;

  private final ProcessEngine engine;
  private final ApplicationEventPublisher events;
  private final Path root;
  private volatile WatchService watcher;
  private volatile Thread thread;

  public LiveReload(ProcessEngine engine, ApplicationEventPublisher events,
      @Value("${careflow.designer.live-reload.root:.}") String root) {
    this.engine = engine;
    this.events = events;
    // a plain path against the working directory (Spring's Path conversion would resolve "." in the
    // web server's document base)
    this.root = Path.of(root).toAbsolutePath().normalize();
  }

  /** Texts and templates in {@code templates/} changed on disk. */
  public record TemplatesChanged(Set<Path> files) {}

  @Override
  public void start() {
    try {
      watcher = FileSystems.getDefault().newWatchService();
      for (String folder : List.of("processes", "forms", "templates")) {
        Path dir = root.resolve(folder);
        if (Files.isDirectory(dir)) {
          try (Stream<Path> dirs = Files.walk(dir)) {
            for (Path d : dirs.filter(Files::isDirectory).toList()) {
              d.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
            }
          }
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("Cannot watch " + root + " for live reload", e);
    }
    thread = new Thread(this::watch, "careflow-live-reload");
    thread.setDaemon(true);
    thread.start();
    LOG.info("Live reload: watching {}/processes, forms and templates", root);
  }

  @Override
  public void stop() {
    try {
      if (watcher != null) {
        watcher.close();
      }
    } catch (IOException e) {
      LOG.debug("Closing the live-reload watcher", e);
    }
  }

  @Override
  public boolean isRunning() {
    return thread != null && thread.isAlive();
  }

  private void watch() {
    try {
      while (true) {
        WatchKey key = watcher.take();
        var changed = new LinkedHashSet<Path>();
        collect(key, changed);
        // the rest of the burst
        for (WatchKey more = watcher.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS); more != null;
            more = watcher.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS)) {
          collect(more, changed);
        }
        reload(changed);
      }
    } catch (ClosedWatchServiceException | InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void collect(WatchKey key, Set<Path> changed) {
    Path dir = (Path) key.watchable();
    for (var event : key.pollEvents()) {
      if (event.context() instanceof Path name) {
        changed.add(dir.resolve(name));
      }
    }
    key.reset();
  }

  void reload(Set<Path> changed) {
    var models = new LinkedHashSet<Path>();
    var templates = new LinkedHashSet<Path>();
    for (Path file : changed) {
      String name = file.getFileName().toString();
      Path relative = root.relativize(file);
      if (!Files.isRegularFile(file) || relative.startsWith(Path.of("processes", "scenarios"))) {
        continue;
      }
      if (relative.startsWith("templates")) {
        templates.add(file);
      } else if (name.endsWith(".bpmn") || name.endsWith(".dmn") || name.endsWith(".form")) {
        models.add(file);
      }
    }
    if (!templates.isEmpty()) {
      events.publishEvent(new TemplatesChanged(templates));
      LOG.info("Live reload: {} read again", templates.stream().map(root::relativize).toList());
    }
    for (Path file : models) {
      deploy(file);
    }
  }

  /** The file, line and reason of a file the XML parser could not read; else the reason. */
  private static String where(String name, Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof org.xml.sax.SAXParseException sax) {
        return name + " line " + sax.getLineNumber() + ", column " + sax.getColumnNumber() + ": " + sax.getMessage();
      }
    }
    return name + ": " + e.getMessage();
  }

  /** A block of the working copy's {@code forms/blocks/}, else careflow's own. */
  private java.util.Optional<String> block(String block) {
    Path file = root.resolve("forms").resolve(io.careflow.form.FormBlocks.FOLDER + block
        + io.careflow.form.FormBlocks.SUFFIX);
    try {
      if (block.matches("[A-Za-z0-9_-]+") && Files.isRegularFile(file)) {
        return java.util.Optional.of(Files.readString(file));
      }
    } catch (IOException e) {
      // careflow's own below
    }
    return io.careflow.form.FormBlocks.fromClasspath(block);
  }

  /** One file, as careflow deploys at start: its path below the working copy, changed resources only. */
  void deploy(Path file) {
    String name = root.relativize(file).toString().replace('\\', '/');
    try {
      long before = engine.getRepositoryService().createDeploymentQuery().count();
      DeploymentBuilder deployment = engine.getRepositoryService().createDeployment()
          .name(ModelDeployment.DEPLOYMENT_NAME).enableDuplicateFiltering(true)
          .addInputStream(name, new java.io.ByteArrayInputStream(name.endsWith(".form")
              ? io.careflow.form.FormBlocks.expand(Files.readAllBytes(file), this::block) : Files.readAllBytes(file)));
      DeploymentWithDefinitions result = deployment.deployWithResult();
      var versions = new java.util.ArrayList<String>();
      for (List<? extends ResourceDefinition> definitions : List.of(result.getDeployedProcessDefinitions() == null
          ? List.<ResourceDefinition>of() : result.getDeployedProcessDefinitions(),
          result.getDeployedDecisionDefinitions() == null ? List.<ResourceDefinition>of()
              : result.getDeployedDecisionDefinitions())) {
        definitions.forEach(d -> versions.add(d.getKey() + " version " + d.getVersion()));
      }
      boolean deployed = engine.getRepositoryService().createDeploymentQuery().count() > before;
      if (deployed && versions.isEmpty()) {
        versions.add("a new version (deployment " + result.getId() + ")");
      }
      if (!deployed) {
        LOG.info("Live reload: {} unchanged, nothing deployed", name);
      } else {
        LOG.info("Live reload: {} deployed: {}", name, String.join(", ", versions));
      }
    } catch (ParseException e) {
      var reasons = new StringBuilder();
      for (ResourceReport report : e.getResorceReports()) {
        for (Problem problem : report.getErrors()) {
          reasons.append("\n  ").append(report.getResourceName() == null ? name : report.getResourceName())
              .append(problem.getLine() > 0 ? " line " + problem.getLine() + ", column " + problem.getColumn() : "")
              .append(problem.getMainElementId() == null ? "" : " (" + problem.getMainElementId() + ")")
              .append(": ").append(problem.getMessage());
        }
      }
      LOG.warn("Live reload refused {}; the running version stays:{}", name,
          reasons.length() == 0 ? "\n  " + e.getMessage() : reasons);
    } catch (IOException | RuntimeException e) {
      LOG.warn("Live reload refused {}; the running version stays:\n  {}", name, where(name, e));
    }
  }
}
