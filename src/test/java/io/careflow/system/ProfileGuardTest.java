package io.careflow.system;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

/** Unsafe profile combinations are refused before careflow touches a database. */
class ProfileGuardTest {

  private final ProfileGuard guard = new ProfileGuard();

  @Test
  void shouldRefuseDemoTogetherWithPostgres() {
    var environment = new MockEnvironment()
        .withProperty("camunda.bpm.admin-user.id", "admin")
        .withProperty("camunda.bpm.admin-user.password", "A-long-enough-secret-7");
    environment.setActiveProfiles("postgres", "demo");

    assertThatThrownBy(() -> guard.postProcessEnvironment(environment, new SpringApplication()))
        .hasMessageContaining("'demo'").hasMessageContaining("'postgres'");
  }

  @Test
  void shouldRequireTheFirstAdministratorWithPostgres() {
    var environment = new MockEnvironment();
    environment.setActiveProfiles("postgres");

    assertThatThrownBy(() -> guard.postProcessEnvironment(environment, new SpringApplication()))
        .hasMessageContaining("CAREFLOW_ADMIN_USER").hasMessageContaining("CAREFLOW_ADMIN_PASSWORD");
  }

  @Test
  void shouldRefuseAWeakAdministratorPassword() {
    var environment = new MockEnvironment()
        .withProperty("camunda.bpm.admin-user.id", "admin")
        .withProperty("camunda.bpm.admin-user.password", "admin");
    environment.setActiveProfiles("postgres");

    assertThatThrownBy(() -> guard.postProcessEnvironment(environment, new SpringApplication()))
        .hasMessageContaining("at least 12 characters");
  }

  @Test
  void shouldRefuseAnAdministratorPasswordAgainstThePasswordPolicyNamingWhatItLacks() {
    var environment = new MockEnvironment()
        .withProperty("camunda.bpm.admin-user.id", "admin")
        .withProperty("camunda.bpm.admin-user.password", "long-but-all-lower-case");
    environment.setActiveProfiles("postgres");

    assertThatThrownBy(() -> guard.postProcessEnvironment(environment, new SpringApplication()))
        .hasMessage("CAREFLOW_ADMIN_PASSWORD does not meet the password policy every user of profile 'postgres' "
            + "meets: it needs an upper-case letter, a digit.");
  }

  @Test
  void shouldRefuseAnAdministratorPasswordContainingTheAdministratorsName() {
    var environment = new MockEnvironment()
        .withProperty("camunda.bpm.admin-user.id", "admin")
        .withProperty("camunda.bpm.admin-user.first-name", "Careflow")
        .withProperty("camunda.bpm.admin-user.last-name", "Administrator")
        .withProperty("camunda.bpm.admin-user.password", "Careflow-Prod-2026!");
    environment.setActiveProfiles("postgres");

    assertThatThrownBy(() -> guard.postProcessEnvironment(environment, new SpringApplication()))
        .hasMessageContaining("none of the user's id or names");
  }

  @Test
  void shouldRefuseTheDatabasePasswordOfTheDocsSetUpSql() {
    var environment = new MockEnvironment()
        .withProperty("camunda.bpm.admin-user.id", "admin")
        .withProperty("camunda.bpm.admin-user.password", "A-long-enough-secret-7")
        .withProperty("spring.datasource.password", "Choose-a-DB-password-1")
        .withProperty("careflow.public-links.secret", "x".repeat(32));
    environment.setActiveProfiles("postgres");

    assertThatThrownBy(() -> guard.postProcessEnvironment(environment, new SpringApplication()))
        .hasMessageContaining("CAREFLOW_DB_PASSWORD");
  }

  @Test
  void shouldRequireALinkSecretWithPostgres() {
    var environment = new MockEnvironment()
        .withProperty("camunda.bpm.admin-user.id", "admin")
        .withProperty("camunda.bpm.admin-user.password", "A-long-enough-secret-7")
        .withProperty("careflow.public-links.secret", "demo-only-link-secret-do-not-use-in-production");
    environment.setActiveProfiles("postgres");

    assertThatThrownBy(() -> guard.postProcessEnvironment(environment, new SpringApplication()))
        .hasMessageContaining("CAREFLOW_LINK_SECRET");
  }

  @Test
  void shouldAcceptPostgresWithAnAdministratorFromTheEnvironment() {
    var environment = new MockEnvironment()
        .withProperty("camunda.bpm.admin-user.id", "admin")
        .withProperty("camunda.bpm.admin-user.password", "A-long-enough-secret-7")
        .withProperty("careflow.public-links.secret", "x".repeat(32));
    environment.setActiveProfiles("postgres");

    assertThatCode(() -> guard.postProcessEnvironment(environment, new SpringApplication()))
        .doesNotThrowAnyException();
  }

  @Test
  void shouldLeaveTheDefaultDemoOnH2Alone() {
    var environment = new MockEnvironment();
    environment.setDefaultProfiles("demo");

    assertThatCode(() -> guard.postProcessEnvironment(environment, new SpringApplication()))
        .doesNotThrowAnyException();
  }
}
