package io.careflow.system;

import io.careflow.system.InvalidRequestException.FieldProblem;
import jakarta.validation.Validator;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Bean Validation plus the checks an annotation cannot express, gathered into one answer
 * so the caller learns about every bad field at once.
 */
@Component
public class RequestValidator {

  private final Validator validator;

  public RequestValidator(Validator validator) {
    this.validator = validator;
  }

  /** Starts a check of request parameters (no body): add problems, then {@link Check#throwIfInvalid()}. */
  public static Check parameters() {
    return new Check(new ArrayList<>());
  }

  /** Starts a check of {@code request}; add further problems, then {@link Check#throwIfInvalid()}. */
  public Check check(Object request) {
    var problems = new ArrayList<FieldProblem>();
    if (request == null) {
      problems.add(new FieldProblem("body", "a JSON body is required"));
    } else {
      validator.validate(request).forEach(v ->
          problems.add(new FieldProblem(v.getPropertyPath().toString(), v.getMessage())));
    }
    return new Check(problems);
  }

  public static final class Check {
    private final List<FieldProblem> problems;

    private Check(List<FieldProblem> problems) {
      this.problems = problems;
    }

    public Check add(String field, String message) {
      problems.add(new FieldProblem(field, message));
      return this;
    }

    /**
     * An ISO-8601 instant with offset that a shop's request can be about ({@link PlausibleInstants});
     * null for null, and null with a problem on {@code field} for anything else — also when the
     * field has a problem already.
     */
    public Instant instant(String value, String field) {
      if (value == null || hasProblem(field)) {
        return null;
      }
      try {
        Instant instant = OffsetDateTime.parse(value.strip()).toInstant();
        if (!PlausibleInstants.plausible(instant)) {
          add(field, PlausibleInstants.MESSAGE);
          return null;
        }
        return instant;
      } catch (DateTimeParseException e) {
        add(field, "must be an ISO-8601 instant with offset, e.g. 2026-12-04T15:00:00+01:00");
        return null;
      }
    }

    /** One of the constants of {@code type} by name; null for null, null with a problem naming them all otherwise. */
    public <E extends Enum<E>> E oneOf(Class<E> type, String value, String field) {
      if (value == null) {
        return null;
      }
      try {
        return Enum.valueOf(type, value);
      } catch (IllegalArgumentException e) {
        add(field, "must be one of " + Arrays.stream(type.getEnumConstants()).map(Enum::name)
            .collect(Collectors.joining(", ")));
        return null;
      }
    }

    /** One of {@code allowed} (e.g. the deployed topics); null for null, null with a problem naming them all otherwise. */
    public String oneOf(java.util.Collection<String> allowed, String value, String field) {
      if (value == null) {
        return null;
      }
      if (allowed.contains(value)) {
        return value;
      }
      add(field, allowed.isEmpty() ? "is not known: no values are deployed" : "must be one of " + String.join(", ", allowed));
      return null;
    }

    public boolean hasProblem(String field) {
      return problems.stream().anyMatch(p -> p.field().equals(field));
    }

    public void throwIfInvalid() {
      if (!problems.isEmpty()) {
        problems.sort(Comparator.comparing(FieldProblem::field).thenComparing(FieldProblem::message));
        throw new InvalidRequestException(problems);
      }
    }
  }
}
