package io.careflow.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An application under test in its own JVM (careflow's jar, or the bare starter
 * application's): started, probed until {@code /actuator/health/readiness} answers 200,
 * measured (resident memory from /proc), stopped.
 */
final class Node implements AutoCloseable {

  static final String ADMIN = "benchadmin";
  static final String ADMIN_PASSWORD = "bench-admin-secret-1";
  static final String INTAKE = "intake";
  static final String INTAKE_PASSWORD = "intake-bench-secret";
  static final String MANAGER = "benchmanager";
  static final String MANAGER_PASSWORD = "bench-manager-secret";
  static final String LINK_SECRET = "bench-link-secret-of-at-least-32-characters";

  final Process process;
  final int port;
  final Path log;
  final long startedNanos;
  final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();

  private Node(Process process, int port, Path log, long startedNanos) {
    this.process = process;
    this.port = port;
    this.log = log;
    this.startedNanos = startedNanos;
  }

  static int freePort() throws IOException {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  static Node start(Path jar, Path workDir, Path log, List<String> jvmArgs, List<String> appArgs)
      throws IOException {
    Files.createDirectories(workDir);
    Files.createDirectories(log.getParent());
    int port = freePort();
    var command = new ArrayList<String>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmArgs);
    command.add("-jar");
    command.add(jar.toAbsolutePath().toString());
    command.add("--server.port=" + port);
    command.addAll(appArgs);
    long started = System.nanoTime();
    Process process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    return new Node(process, port, log, started);
  }

  /**
   * careflow on the given database, with the administrator from the command line (as with
   * the postgres profile), so the bench makes its own users; no demo users, no sample contacts.
   */
  static Node careflow(Path jar, Path workDir, Path log, Database db, String url, List<String> extraArgs)
      throws IOException {
    var args = new ArrayList<String>(List.of(
        "--spring.profiles.active=" + (db.isPostgres() ? "postgres" : "bench"),
        "--spring.datasource.url=" + db.urlForNode(url),
        "--spring.datasource.username=" + db.user(),
        "--spring.datasource.password=" + db.password(),
        "--camunda.bpm.admin-user.id=" + ADMIN,
        "--camunda.bpm.admin-user.password=" + ADMIN_PASSWORD,
        "--camunda.bpm.admin-user.first-name=Bench",
        "--camunda.bpm.admin-user.last-name=Administrator",
        "--careflow.public-links.secret=" + LINK_SECRET,
        "--careflow.demo.sample-contacts=false",
        // no mail server in the bench: 127.0.0.1 answers a refused connection at once
        "--spring.mail.host=127.0.0.1"));
    args.addAll(extraArgs);
    var jvm = new ArrayList<String>(List.of("-Xmx512m"));
    // e.g. -Dbench.options=bench.careflow.jvm=-XX:StartFlightRecording:filename=c1.jfr (spaces: ;)
    for (String option : System.getProperty("bench.careflow.jvm", "").split(";")) {
      if (!option.isBlank()) {
        jvm.add(option.strip());
      }
    }
    return start(jar, workDir, log, jvm, args);
  }

  String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  /** Milliseconds from the process start to the first 200 of the readiness probe. */
  long awaitReady(Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    var request = HttpRequest.newBuilder(URI.create(url("/actuator/health/readiness")))
        .timeout(Duration.ofSeconds(2)).GET().build();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the application stopped during start, see " + log);
      }
      try {
        if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(25);
    }
    throw new IllegalStateException("not ready within " + timeout + ", see " + log);
  }

  /** The bench's users through Camunda's REST API, as the administrator would make them. */
  void createUsers() throws Exception {
    createUser(INTAKE, INTAKE_PASSWORD, "integrations");
    createUser(MANAGER, MANAGER_PASSWORD, "managers");
  }

  private void createUser(String id, String password, String group) throws Exception {
    String body = """
        {"profile":{"id":"%s","firstName":"Bench","lastName":"%s","email":"%s@bench.example"},
         "credentials":{"password":"%s"}}""".formatted(id, id, id, password);
    var created = send("POST", "/engine-rest/user/create", body, ADMIN, ADMIN_PASSWORD);
    if (created.statusCode() / 100 != 2) {
      throw new IllegalStateException("user " + id + ": " + created.statusCode() + " " + created.body());
    }
    var member = send("PUT", "/engine-rest/group/" + group + "/members/" + id, null, ADMIN, ADMIN_PASSWORD);
    if (member.statusCode() / 100 != 2) {
      throw new IllegalStateException("membership " + id + ": " + member.statusCode() + " " + member.body());
    }
  }

  HttpResponse<String> send(String method, String path, String json, String user, String password)
      throws IOException, InterruptedException {
    var builder = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(60))
        .header("Authorization", basic(user, password));
    if (json == null) {
      builder.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      builder.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
    }
    return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
  }

  static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** CPU time (user + system) the process has used so far, in nanoseconds. */
  long cpuNanos() {
    return process.toHandle().info().totalCpuDuration().map(java.time.Duration::toNanos)
        .orElseThrow(() -> new IllegalStateException("no CPU time for process " + process.pid()));
  }

  /** Deploys one BPMN file as the administrator (Camunda Modeler's deploy: multipart). */
  void deploy(String name, String bpmn) throws Exception {
    String boundary = "bench" + System.nanoTime();
    String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n" + name
        + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + ".bpmn\"; filename=\""
        + name + ".bpmn\"\r\nContent-Type: application/octet-stream\r\n\r\n" + bpmn + "\r\n--" + boundary + "--\r\n";
    var request = HttpRequest.newBuilder(URI.create(url("/engine-rest/deployment/create")))
        .timeout(Duration.ofSeconds(60)).header("Authorization", basic(ADMIN, ADMIN_PASSWORD))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
    var response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("deployment " + name + ": " + response.statusCode() + " " + response.body());
    }
  }

  /** Resident set size in KiB (VmRSS), or its high-water mark (VmHWM). */
  long memoryKb(String field) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
        if (line.startsWith(field + ":")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | NumberFormatException gone) {
      return -1;
    }
    return -1;
  }

  boolean logMentions(String text) {
    try {
      return Files.readString(log, StandardCharsets.UTF_8).contains(text);
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(40, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    }
  }
}
