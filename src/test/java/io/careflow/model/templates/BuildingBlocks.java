package io.careflow.model.templates;

import io.careflow.model.BuildingBlock;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.SimpleBeanDefinitionRegistry;
import org.springframework.context.annotation.AnnotationBeanNameGenerator;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.util.ClassUtils;

/**
 * careflow's beans by the name a model uses ({@code ${recordOutcomeDelegate}}), found the way
 * Spring's component scan finds them: {@code @Component} classes (and {@code @Service}, …) under
 * {@code io.careflow}, named as Spring names them. A model can name such a bean only; blocks are
 * components (delegates are Spring beans named after their task), so a bean made by a {@code @Bean} method is not looked for. Reading the
 * classes is enough to check a template and needs no running careflow.
 */
public final class BuildingBlocks {

  private final Map<String, Class<?>> beans;

  BuildingBlocks(Map<String, Class<?>> beans) {
    this.beans = Map.copyOf(beans);
  }

  public static BuildingBlocks scan(String basePackage) {
    var scanner = new ClassPathScanningCandidateComponentProvider(true);
    var registry = new SimpleBeanDefinitionRegistry();
    var beans = new TreeMap<String, Class<?>>();
    for (BeanDefinition definition : scanner.findCandidateComponents(basePackage)) {
      String name = AnnotationBeanNameGenerator.INSTANCE.generateBeanName(definition, registry);
      beans.put(name, ClassUtils.resolveClassName(definition.getBeanClassName(),
          BuildingBlocks.class.getClassLoader()));
    }
    return new BuildingBlocks(beans);
  }

  public Optional<Class<?>> bean(String name) {
    return Optional.ofNullable(beans.get(name));
  }

  /** Every bean's class, e.g. to find the pages careflow serves. */
  Collection<Class<?>> types() {
    return beans.values();
  }

  /** The block a bean is, if it is one. */
  Optional<BuildingBlock> block(String name) {
    return bean(name).map(type -> type.getAnnotation(BuildingBlock.class));
  }

  /** Every building block: bean name → its declaration. */
  Map<String, BuildingBlock> blocks() {
    var blocks = new TreeMap<String, BuildingBlock>();
    beans.forEach((name, type) -> {
      BuildingBlock block = type.getAnnotation(BuildingBlock.class);
      if (block != null) {
        blocks.put(name, block);
      }
    });
    return blocks;
  }
}
