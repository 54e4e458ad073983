package io.careflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import org.assertj.core.api.ThrowingConsumer;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A refused task completion, as a test checks it: the message names each field by the label the
 * agent reads, so a test that knows the field by its variable finds it among the refused fields
 * (the refusal's detail) — or names a text the message must contain.
 */
public final class Refusal {

  private Refusal() {}

  /** The refusal names the field {@code keyOrText} (a variable), or its message contains that text. */
  public static ThrowingConsumer<Throwable> naming(String keyOrText) {
    return thrown -> {
      for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
        if (cause instanceof FormFieldValidationException refusal) {
          Object detail = refusal.getDetail();
          boolean field = detail instanceof Collection<?> fields ? fields.contains(keyOrText) : keyOrText.equals(detail);
          if (field) {
            return;
          }
        }
      }
      assertThat(thrown).hasMessageContaining(keyOrText);
    };
  }
}
