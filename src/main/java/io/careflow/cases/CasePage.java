package io.careflow.cases;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** One page of a case search, newest first. */
public record CasePage(
    List<CaseRow> items,
    @Schema(description = "0-based") int page,
    int size,
    @Schema(description = "cases that match, on all pages") long total) {

  public long pages() {
    return (total + size - 1) / size;
  }
}
