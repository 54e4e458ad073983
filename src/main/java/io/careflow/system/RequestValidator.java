package io.careflow.system;

import io.careflow.system.InvalidRequestException.FieldProblem;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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
