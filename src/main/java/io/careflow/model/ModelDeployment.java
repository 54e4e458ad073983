package io.careflow.model;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeMap;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.spring.boot.starter.configuration.CamundaDeploymentConfiguration;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.springframework.core.io.AbstractResource;
import org.springframework.core.io.ContextResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the models of {@code processes/} and the forms of {@code forms/} at start.
 *
 * <p>Replaces the starter's default deployment for two reasons: the starter names each
 * resource by its absolute file path (so moving the checkout or running from the jar
 * would count as a change), and it redeploys every model when one changed. Here each
 * resource is named by its path below the classpath root ({@code processes/contact.bpmn})
 * and only changed resources get a new version; an unchanged restart deploys nothing.
 */
@Component
public class ModelDeployment extends AbstractCamundaConfiguration implements CamundaDeploymentConfiguration {

  public static final String DEPLOYMENT_NAME = "careflow-models";

  @Override
  public void preInit(SpringProcessEngineConfiguration configuration) {
    if (!camundaBpmProperties.isAutoDeploymentEnabled()) {
      return;
    }
    configuration.setDeploymentName(DEPLOYMENT_NAME);
    configuration.setDeployChangedOnly(true);
    configuration.setDeploymentResources(getDeploymentResources().toArray(Resource[]::new));
  }

  @Override
  public Set<Resource> getDeploymentResources() {
    var resolver = new PathMatchingResourcePatternResolver();
    var byName = new TreeMap<String, Resource>();
    for (String pattern : camundaBpmProperties.getDeploymentResourcePattern()) {
      String root = rootOf(pattern);
      try {
        for (Resource resource : resolver.getResources(pattern)) {
          if (!resource.isReadable()) {
            continue;
          }
          String name = nameBelowRoot(resource.getURL(), root);
          // the first classpath entry wins, as for any classpath resource
          byName.putIfAbsent(name, new NamedResource(name, resource));
        }
      } catch (IOException e) {
        throw new IllegalStateException("Cannot read models for pattern " + pattern, e);
      }
    }
    var resources = new LinkedHashSet<Resource>();
    byName.values().stream().sorted(Comparator.comparing(Resource::getDescription)).forEach(resources::add);
    return resources;
  }

  /**
   * {@code classpath*:processes/**}{@code /*.bpmn} → {@code processes/}; a folder on disk
   * ({@code file:/srv/shop/processes/**}{@code /*.bpmn}, a designer's working copy) → its last
   * folder, {@code processes/}: the same names wherever the files come from.
   */
  static String rootOf(String pattern) {
    String path = pattern.substring(pattern.indexOf(':') + 1);
    int wildcard = path.indexOf('*');
    String root = wildcard < 0 ? path : path.substring(0, wildcard);
    root = root.startsWith("/") ? root.substring(1) : root;
    if (pattern.startsWith("file:")) {
      String folder = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
      root = folder.substring(folder.lastIndexOf('/') + 1) + "/";
    }
    return root;
  }

  static String nameBelowRoot(URL url, String root) {
    String path = url.toString();
    int at = path.lastIndexOf("/" + root);
    return at < 0 ? path.substring(path.lastIndexOf('/') + 1) : path.substring(at + 1);
  }

  /** A resource whose deployment name is its classpath-relative path. */
  static final class NamedResource extends AbstractResource implements ContextResource {
    private final String name;
    private final Resource delegate;

    NamedResource(String name, Resource delegate) {
      this.name = name;
      this.delegate = delegate;
    }

    @Override
    public String getPathWithinContext() {
      return name;
    }

    @Override
    public String getFilename() {
      return delegate.getFilename();
    }

    @Override
    public boolean exists() {
      return delegate.exists();
    }

    @Override
    public URL getURL() throws IOException {
      return delegate.getURL();
    }

    @Override
    public InputStream getInputStream() throws IOException {
      if (!name.endsWith(".form")) {
        return delegate.getInputStream();
      }
      // a form with its blocks' fields, as every deployment stores it: an unchanged form and
      // block compare equal to the deployed one, a changed block deploys the forms naming it
      try (InputStream in = delegate.getInputStream()) {
        return new java.io.ByteArrayInputStream(io.careflow.form.FormBlocks.expand(in.readAllBytes(), this::block));
      }
    }

    /** A block from the folder of the forms this one comes from, else careflow's own. */
    private java.util.Optional<String> block(String block) {
      try {
        Resource beside = delegate.createRelative(io.careflow.form.FormBlocks.FOLDER + block
            + io.careflow.form.FormBlocks.SUFFIX);
        if (block.matches("[A-Za-z0-9_-]+") && beside.isReadable()) {
          try (InputStream in = beside.getInputStream()) {
            return java.util.Optional.of(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
          }
        }
      } catch (IOException e) {
        // careflow's own below
      }
      return io.careflow.form.FormBlocks.fromClasspath(block);
    }

    @Override
    public String getDescription() {
      return name;
    }
  }
}
