package io.careflow.communication;

import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateNotFoundException;
import java.io.IOException;
import java.io.StringWriter;
import java.util.LinkedHashSet;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Renders customer messages from FreeMarker templates in the top-level {@code templates/mail/}
 * (packaged like {@code forms/}): {@code <type>_<language>.ftlh} (HTML, every value escaped)
 * and {@code <type>_<language>.text.ftl} (the plain-text alternative). The customer's language
 * is used when a template exists for it, else the shop's default language, else English.
 */
@Component
public class MessageTemplates {

  private final Configuration freemarker;
  private final String defaultLanguage;

  public MessageTemplates(Configuration freemarker, @Value("${careflow.default-language:pl}") String defaultLanguage) {
    this.freemarker = freemarker;
    this.defaultLanguage = defaultLanguage;
  }

  public record Rendered(String language, String html, String text) {}

  public Rendered render(String type, String language, Map<String, Object> model) {
    var candidates = candidates(language);
    for (String candidate : candidates) {
      Template html = template("mail/" + type + "_" + candidate + ".ftlh");
      if (html != null) {
        Template text = template("mail/" + type + "_" + candidate + ".text.ftl");
        return new Rendered(candidate, process(html, model), text == null ? null : process(text, model));
      }
    }
    throw new IllegalStateException("No template mail/" + type + "_*.ftlh for " + candidates);
  }

  /**
   * The language {@link #render} writes {@code type} in for a customer of {@code language}: so the
   * values put in the text (a date's weekday and month) speak the text's language.
   */
  public String languageOf(String type, String language) {
    return candidates(language).stream().filter(candidate -> exists(type, candidate)).findFirst()
        .orElse(language == null ? defaultLanguage : language);
  }

  private LinkedHashSet<String> candidates(String language) {
    var candidates = new LinkedHashSet<String>();
    if (language != null) {
      candidates.add(language);
    }
    candidates.add(defaultLanguage);
    candidates.add("en");
    return candidates;
  }

  /** Whether {@code mail/<type>_<language>.ftlh} exists (checked when a model naming it is deployed). */
  public boolean exists(String type, String language) {
    return template("mail/" + type + "_" + language + ".ftlh") != null;
  }

  private Template template(String name) {
    try {
      return freemarker.getTemplate(name);
    } catch (TemplateNotFoundException e) {
      return null;
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read template " + name, e);
    }
  }

  private static String process(Template template, Map<String, Object> model) {
    try {
      var out = new StringWriter();
      template.process(model, out);
      return out.toString();
    } catch (TemplateException | IOException e) {
      throw new IllegalStateException("Cannot render " + template.getName(), e);
    }
  }
}
