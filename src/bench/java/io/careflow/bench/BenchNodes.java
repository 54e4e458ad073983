package io.careflow.bench;

import io.careflow.support.CareflowNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The applications the bench measures, as the test support's {@link CareflowNode}s started from
 * their packaged jars: careflow on the bench's database (the administrator from the command line,
 * as with the postgres profile, so the bench makes its own users; no demo users, no sample
 * contacts), and the bare Camunda starter of {@link StartToReady}.
 */
final class BenchNodes {

  static final String INTAKE = "intake";
  // the postgres profile enforces the engine's password policy (10+ characters, upper and lower case,
  // a digit, a special character, not the user's id or names)
  static final String INTAKE_PASSWORD = "Feed-Secret-4711!";
  static final String MANAGER = "benchmanager";
  static final String MANAGER_PASSWORD = "Report-Secret-4712!";

  private BenchNodes() {}

  /** careflow's jar on that database, {@code -Xmx512m} and {@code bench.careflow.jvm}; not started yet. */
  static CareflowNode careflow(Path jar, Path workDir, Path log, Database db, String url, List<String> extraArgs) {
    var args = new ArrayList<String>(List.of(
        "--spring.profiles.active=" + (db.isPostgres() ? "postgres" : "bench"),
        "--spring.datasource.url=" + db.urlForNode(url),
        "--spring.datasource.username=" + db.user(),
        "--spring.datasource.password=" + db.password(),
        "--camunda.bpm.admin-user.id=" + CareflowNode.ADMIN,
        "--camunda.bpm.admin-user.password=" + CareflowNode.ADMIN_PASSWORD,
        "--camunda.bpm.admin-user.first-name=Bench",
        "--camunda.bpm.admin-user.last-name=Administrator",
        "--careflow.public-links.secret=" + CareflowNode.LINK_SECRET,
        "--careflow.demo.sample-contacts=false",
        // no mail server in the bench: 127.0.0.1 answers a refused connection at once
        "--spring.mail.host=127.0.0.1"));
    args.addAll(extraArgs);
    var jvm = new ArrayList<String>(List.of("-Xmx512m"));
    // e.g. -Dbench.options=bench.careflow.jvm=-XX:StartFlightRecording:filename=c1.jfr,settings=profile (spaces: ;)
    for (String option : System.getProperty("bench.careflow.jvm", "").split(";")) {
      if (!option.isBlank()) {
        jvm.add(option.strip());
      }
    }
    return CareflowNode.fromJar("careflow", jar, workDir, log, jvm, args);
  }

  /** Any application's jar as {@code java <jvm> -jar} starts it (P6: careflow or the bare starter). */
  static CareflowNode app(String name, Path jar, Path workDir, Path log, List<String> jvm, List<String> args) {
    return CareflowNode.fromJar(name, jar, workDir, log, jvm, args);
  }

  /** The bench's users through Camunda's REST API, as the administrator would make them. */
  static void createUsers(CareflowNode careflow) {
    careflow.createUser(INTAKE, INTAKE_PASSWORD, "intake@bench.example", "integrations");
    careflow.createUser(MANAGER, MANAGER_PASSWORD, "manager@bench.example", "managers");
  }
}
