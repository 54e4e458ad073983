package io.careflow.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import org.junit.jupiter.api.Test;

/** Deployment names stay the same wherever careflow runs from. */
class ModelDeploymentTest {

  @Test
  void shouldNameResourcesByTheirPathBelowTheClasspathRoot() throws Exception {
    String root = ModelDeployment.rootOf("classpath*:processes/**/*.bpmn");
    assertThat(root).isEqualTo("processes/");
    assertThat(ModelDeployment.nameBelowRoot(new URL("file:/work/main/target/classes/processes/contact.bpmn"), root))
        .isEqualTo("processes/contact.bpmn");
    assertThat(ModelDeployment.nameBelowRoot(
        new URL("jar:file:/opt/careflow.jar!/BOOT-INF/classes!/processes/contact.bpmn"), root))
        .isEqualTo("processes/contact.bpmn");
    assertThat(ModelDeployment.nameBelowRoot(new URL("file:/srv/processes/x/processes/sub/a.bpmn"), root))
        .isEqualTo("processes/sub/a.bpmn");
    assertThat(ModelDeployment.rootOf("classpath*:forms/**/*.form")).isEqualTo("forms/");
    // a designer's folder on disk gives the same names
    String onDisk = ModelDeployment.rootOf("file:/srv/shop/processes/**/*.bpmn");
    assertThat(onDisk).isEqualTo("processes/");
    assertThat(ModelDeployment.nameBelowRoot(new URL("file:/srv/shop/processes/contact.bpmn"), onDisk))
        .isEqualTo("processes/contact.bpmn");
  }
}
