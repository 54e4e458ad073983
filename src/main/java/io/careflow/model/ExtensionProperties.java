package io.careflow.model;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * The {@code camunda:properties} of a model element as the engine's parser sees it (name →
 * value): how a designer switches a building block on for an element in Camunda Modeler
 * ("Extension properties"), e.g. {@code deadline = reply} on a user task.
 */
public final class ExtensionProperties {

  private ExtensionProperties() {}

  public static Map<String, String> of(Element element) {
    var properties = new LinkedHashMap<String, String>();
    for (Element extensions : children(element, "extensionElements")) {
      for (Element list : children(extensions, "properties")) {
        for (Element property : children(list, "property")) {
          String name = property.attribute("name");
          if (name != null && !name.isBlank()) {
            properties.put(name.strip(), property.attribute("value"));
          }
        }
      }
    }
    return properties;
  }

  private static Iterable<Element> children(Element parent, String localName) {
    return parent.elements().stream().filter(e -> localName.equals(local(e.getTagName()))).toList();
  }

  private static String local(String tag) {
    return tag == null ? null : tag.substring(tag.indexOf(':') + 1);
  }
}
