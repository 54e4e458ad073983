package io.careflow.system;

import java.util.List;

/** Input that careflow refuses, with every bad field named; answered with 400 problem+json. */
public class InvalidRequestException extends RuntimeException {

  private final List<FieldProblem> problems;

  public InvalidRequestException(List<FieldProblem> problems) {
    super(problems.size() == 1 ? problems.get(0).field() + ": " + problems.get(0).message()
        : problems.size() + " fields are invalid");
    this.problems = List.copyOf(problems);
  }

  public static InvalidRequestException of(String field, String message) {
    return new InvalidRequestException(List.of(new FieldProblem(field, message)));
  }

  public List<FieldProblem> problems() {
    return problems;
  }

  /** One bad field: its JSON path ({@code customer.email}) and what is wrong with it. */
  public record FieldProblem(String field, String message) {}
}
