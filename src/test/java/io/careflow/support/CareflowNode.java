package io.careflow.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.jar.JarFile;

/**
 * careflow as production runs it: a JVM of its own ({@code java -cp … io.careflow.CareflowApplication},
 * profile {@code postgres}, the first administrator and the link secret from the environment),
 * on a {@link DurablePostgres}. The test can kill it with SIGKILL and start it again.
 * {@link #fromJar} starts a packaged Spring Boot jar instead (the benchmark's careflow and bare
 * starter), with the JVM options and arguments the caller gives.
 *
 * <p>The child's class path is the test JVM's without {@code target/test-classes}, so the child
 * runs careflow's own classes only (no test configuration is scanned). Its output goes to
 * {@code target/reliability/<name>.log}. Every child is killed when the test class closes it and,
 * whatever happens to the test, by a shutdown hook of the test JVM: no stray careflows.
 */
public final class CareflowNode implements AutoCloseable {

  public static final String ADMIN = "ops-admin";
  public static final String ADMIN_PASSWORD = "Reliability-admin-secret-7";
  public static final String LINK_SECRET = "reliability-link-secret-with-32-characters-or-more";
  public static final Path LOGS = Path.of("target", "reliability");

  private static final Set<Process> CHILDREN = ConcurrentHashMap.newKeySet();
  private static final ObjectMapper JSON = new ObjectMapper();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> CHILDREN.forEach(Process::destroyForcibly),
        "kill-careflow-nodes"));
  }

  private final String name;
  private final int port;
  /** {@code java}, its options and what it runs (a main class on the class path, or {@code -jar}). */
  private final Supplier<List<String>> launcher;
  private final List<String> arguments;
  private final Map<String, String> environment;
  private final Path log;
  private final Path workDir;
  private final HttpClient http;
  private volatile Process process;
  private int starts;
  private volatile long startedNanos;
  private volatile Duration startToReady;

  /**
   * @param name   the node's name: its log file and the engine's {@code hostname} (job log)
   * @param extra  more {@code --property=value} arguments, e.g. job executor timing
   */
  public CareflowNode(String name, DurablePostgres database, int smtpPort, List<String> extra) {
    this.name = name;
    this.port = TestMail.freePort();
    this.log = LOGS.resolve(name + ".log");
    this.workDir = null;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    this.launcher = () -> List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        // modest: the build machine has 2 cores shared with other builds
        "-Xmx384m", "-Xss512k", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:ReservedCodeCacheSize=64m",
        "-Djava.awt.headless=true", "-Duser.timezone=UTC",
        "-cp", childClasspath(), "io.careflow.CareflowApplication");
    var args = new ArrayList<>(List.of(
        "--spring.profiles.active=postgres",
        "--server.port=" + port,
        "--spring.main.banner-mode=off",
        "--spring.datasource.hikari.maximum-pool-size=12",
        // the job log names the node that ran each job
        "--camunda.bpm.generic-properties.properties.hostname=" + name,
        // look for due jobs every half second, at most 2 s apart when idle (default up to 60 s)
        "--camunda.bpm.job-execution.wait-time-in-millis=500",
        "--camunda.bpm.job-execution.max-wait=2000"));
    args.addAll(extra);
    this.arguments = List.copyOf(args);
    var env = new LinkedHashMap<String, String>();
    env.put("CAREFLOW_DB_URL", database.jdbcUrl());
    env.put("CAREFLOW_DB_USER", DurablePostgres.USER);
    env.put("CAREFLOW_DB_PASSWORD", DurablePostgres.PASSWORD);
    env.put("CAREFLOW_ADMIN_USER", ADMIN);
    env.put("CAREFLOW_ADMIN_PASSWORD", ADMIN_PASSWORD);
    env.put("CAREFLOW_LINK_SECRET", LINK_SECRET);
    env.put("CAREFLOW_SMTP_HOST", "127.0.0.1");
    env.put("CAREFLOW_SMTP_PORT", Integer.toString(smtpPort));
    env.put("CAREFLOW_PUBLIC_URL", "http://localhost:" + port);
    this.environment = Map.copyOf(env);
  }

  private CareflowNode(String name, Path log, Path workDir, Supplier<List<String>> launcher, List<String> arguments,
      Map<String, String> environment) {
    this.name = name;
    this.port = TestMail.freePort();
    this.log = log;
    this.workDir = workDir;
    // what a load generator speaks: no upgrade attempt per request
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();
    this.launcher = launcher;
    var args = new ArrayList<>(List.of("--server.port=" + port));
    args.addAll(arguments);
    this.arguments = List.copyOf(args);
    this.environment = Map.copyOf(environment);
  }

  /**
   * A packaged Spring Boot application ({@code java <jvmOptions> -jar <jar> --server.port=… <arguments>})
   * run in {@code workDir}, its output in {@code log}: careflow's jar configured by arguments, or
   * any other application with a readiness probe. Not started yet.
   */
  public static CareflowNode fromJar(String name, Path jar, Path workDir, Path log, List<String> jvmOptions,
      List<String> arguments) {
    var command = new ArrayList<String>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-jar");
    command.add(jar.toAbsolutePath().toString());
    return new CareflowNode(name, log, workDir, () -> command, arguments, Map.of());
  }

  public String name() {
    return name;
  }

  public String baseUrl() {
    return "http://localhost:" + port;
  }

  public boolean isAlive() {
    Process p = process;
    return p != null && p.isAlive();
  }

  public long pid() {
    return process.pid();
  }

  /** Launches the JVM (again, after a kill: same port, same database). */
  public synchronized CareflowNode start() {
    if (isAlive()) {
      throw new IllegalStateException(name + " is running");
    }
    try {
      Files.createDirectories(log.toAbsolutePath().getParent());
      starts++;
      Files.writeString(log, "%n===== %s start #%d at %s%n".formatted(name, starts, Instant.now()),
          StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      var command = new ArrayList<>(launcher.get());
      command.addAll(arguments);
      var builder = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      if (workDir != null) {
        builder.directory(Files.createDirectories(workDir).toFile());
      }
      builder.environment().putAll(environment);
      startToReady = null;
      startedNanos = System.nanoTime();
      process = builder.start();
      CHILDREN.add(process);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits until careflow is ready for traffic ({@code /actuator/health/readiness} UP). */
  public CareflowNode awaitReady(Duration timeout) {
    return awaitReady(timeout, Duration.ofMillis(250));
  }

  /** As {@link #awaitReady(Duration)}, asking every {@code poll} (a start time to measure: often). */
  public CareflowNode awaitReady(Duration timeout, Duration poll) {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (!isAlive()) {
        throw new AssertionError(name + " exited with " + process.exitValue() + " before it was ready:\n" + logTail());
      }
      try {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl()
            + "/actuator/health/readiness")).timeout(Duration.ofSeconds(5)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200 && response.body().contains("UP")) {
          startToReady = Duration.ofNanos(System.nanoTime() - startedNanos);
          return this;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
      pause(poll);
    }
    throw new AssertionError(name + " not ready within " + timeout + ":\n" + logTail());
  }

  /** From the JVM's launch to the first UP of the readiness probe, as {@link #awaitReady} saw it. */
  public Duration startToReady() {
    if (startToReady == null) {
      throw new IllegalStateException(name + " has not been seen ready since its last start");
    }
    return startToReady;
  }

  /**
   * Kills the JVM at once: {@link Process#destroyForcibly()} sends SIGKILL on Linux — no
   * shutdown hook, no graceful stop, connections cut. The exit code tells: 137 = 128 + 9 (SIGKILL).
   */
  public int kill() {
    Process p = process;
    p.destroyForcibly();
    try {
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        throw new AssertionError(name + " still alive 60 s after SIGKILL");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
    CHILDREN.remove(p);
    return p.exitValue();
  }

  /**
   * Stops the JVM gracefully (SIGTERM: shutdown hooks run, a flight recording is written), and
   * kills it if it has not ended after 60 s. @return the exit code
   */
  public int stop() {
    Process p = process;
    p.destroy();
    try {
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        return kill();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
    CHILDREN.remove(p);
    return p.exitValue();
  }

  @Override
  public void close() {
    if (isAlive()) {
      kill();
    }
  }

  /** Everything the node wrote, all its starts. */
  public String log() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The last lines the node wrote, for failure messages. */
  public String logTail() {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  // ---- calls as the administrator and as other users

  public record Answer(int status, String body) {}

  /** {@code json}: a String is sent as it is (already JSON), anything else as Jackson writes it; null: no body. */
  public Answer call(String method, String path, String user, String password, Object json) {
    try {
      var builder = HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(30))
          .header("Authorization", "Basic " + Base64.getEncoder()
              .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
      if (json == null) {
        builder.method(method, HttpRequest.BodyPublishers.noBody());
      } else {
        builder.header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofByteArray(json instanceof String text
                ? text.getBytes(StandardCharsets.UTF_8) : JSON.writeValueAsBytes(json)));
      }
      HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Creates a user in the given groups through {@code /engine-rest} as the administrator —
   * how an operator adds the channel integration's account or staff on a production install
   * (the demo users are refused with {@code postgres}).
   */
  public void createUser(String id, String password, String email, String... groups) {
    Answer created = call("POST", "/engine-rest/user/create", ADMIN, ADMIN_PASSWORD, Map.of(
        "profile", Map.of("id", id, "firstName", id, "lastName", "Reliability", "email", email),
        "credentials", Map.of("password", password)));
    if (created.status() / 100 != 2) {
      throw new AssertionError("Cannot create user " + id + ": " + created);
    }
    for (String group : groups) {
      Answer member = call("PUT", "/engine-rest/group/" + group + "/members/" + id, ADMIN, ADMIN_PASSWORD, null);
      if (member.status() / 100 != 2) {
        throw new AssertionError("Cannot add " + id + " to " + group + ": " + member);
      }
    }
  }

  /** Deploys one BPMN file as the administrator (Camunda Modeler's deploy: multipart). */
  public void deploy(String deploymentName, String bpmn) {
    String boundary = "careflow" + System.nanoTime();
    String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n"
        + deploymentName + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + deploymentName
        + ".bpmn\"; filename=\"" + deploymentName + ".bpmn\"\r\nContent-Type: application/octet-stream\r\n\r\n"
        + bpmn + "\r\n--" + boundary + "--\r\n";
    try {
      var response = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/engine-rest/deployment/create"))
          .timeout(Duration.ofSeconds(60)).header("Authorization", "Basic " + Base64.getEncoder()
              .encodeToString((ADMIN + ":" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)))
          .header("Content-Type", "multipart/form-data; boundary=" + boundary)
          .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
          HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new AssertionError("Cannot deploy " + deploymentName + ": " + response.statusCode() + " "
            + response.body());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  // ---- what the process uses (Linux /proc)

  /** CPU time (user + system) the JVM has used so far, in nanoseconds. */
  public long cpuNanos() {
    Process p = process;
    return p.toHandle().info().totalCpuDuration().map(Duration::toNanos)
        .orElseThrow(() -> new IllegalStateException("no CPU time for process " + p.pid()));
  }

  /** A size of {@code /proc/<pid>/status} in KiB: {@code VmRSS} (resident now), {@code VmHWM} (its peak); -1 when gone. */
  public long memoryKb(String field) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
        if (line.startsWith(field + ":")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | NumberFormatException gone) {
      return -1;
    }
    return -1;
  }

  /** The test JVM's class path without the test classes: careflow's classes and its libraries. */
  static String childClasspath() {
    var entries = new ArrayList<>(List.of(System.getProperty("java.class.path").split(File.pathSeparator)));
    if (entries.size() == 1 && entries.get(0).contains("surefirebooter")) {
      entries = manifestClasspath(entries.get(0));
    }
    entries.removeIf(entry -> Path.of(entry).endsWith(Path.of("target", "test-classes")));
    return String.join(File.pathSeparator, entries);
  }

  /** Surefire's manifest-only jar names the real class path in its manifest. */
  private static ArrayList<String> manifestClasspath(String jar) {
    try (var file = new JarFile(jar)) {
      var entries = new ArrayList<String>();
      for (String url : file.getManifest().getMainAttributes().getValue("Class-Path").split(" ")) {
        if (!url.isBlank()) {
          entries.add(Path.of(new URI(url.startsWith("file:") ? url : "file:" + url)).toString());
        }
      }
      return entries;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  public static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
