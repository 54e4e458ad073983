package io.careflow.model.templates;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Camunda's JSON schema of Camunda 7 element templates, the one Camunda Modeler validates a
 * template against before it offers it (a template that fails is dropped with a log line only).
 * The file is {@code resources/schema.json} of the npm package
 * {@code @camunda/element-templates-json-schema} 0.22.1, kept in
 * {@code src/test/resources/element-templates-schema/} (origin, checksum and licence beside it) so
 * the build needs no network and no npm. The templates name the unversioned schema URL, which
 * Modeler reads as "the newest I support"; this copy is what the build holds them to.
 */
final class TemplateSchema {

  static final String RESOURCE = "/element-templates-schema/schema.json";
  /** The schema's own {@code $id}; its references point into the same file. */
  private static final String ID = "http://camunda.org/schema/element-templates/1.0";

  private final Schema schema;

  private TemplateSchema(Schema schema) {
    this.schema = schema;
  }

  static TemplateSchema pinned() {
    String text;
    try (InputStream in = TemplateSchema.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the test resources");
      }
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // the schema is served from memory under its $id: nothing is fetched
    SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7,
        builder -> builder.schemas(Map.of(ID, text)));
    return new TemplateSchema(registry.getSchema(SchemaLocation.of(ID)));
  }

  /** What the schema finds wrong with the template, each with the place in the JSON. */
  List<String> problems(ElementTemplate template) {
    List<Error> errors = schema.validate(template.json());
    return errors.stream().map(e -> {
      String at = e.getInstanceLocation().toString();
      return template.where() + ": at " + (at.isEmpty() ? "/" : at) + " " + e.getMessage();
    }).toList();
  }
}
