package io.careflow.cases;

import io.careflow.casefile.CaseReaders;
import io.careflow.cases.CaseQuery.SlaState;
import io.careflow.cases.CaseSearchRepository.ReplyDeadline;
import io.careflow.reporting.KpiSql;
import io.careflow.calendar.BusinessHoursProperties;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds cases for a person: the search of {@code /cases} and {@code GET /api/contacts}, limited to
 * the cases they may see ({@link CaseReaders}), one page at a time, newest first; each row with
 * who worked it and how its reply deadline went.
 */
@Service
public class CaseSearch {

  private final CaseSearchRepository repository;
  private final BusinessHoursProperties shopTime;
  private final Clock clock;

  public CaseSearch(CaseSearchRepository repository, BusinessHoursProperties shopTime, Clock clock) {
    this.repository = repository;
    this.shopTime = shopTime;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public CasePage find(CaseQuery query, CaseReaders.Viewer viewer) {
    Instant now = clock.instant();
    var found = repository.search(query, viewer, now);
    List<String> ids = found.hits().stream().map(CaseSearchRepository.Hit::id).toList();
    Map<String, ReplyDeadline> deadlines = ids.isEmpty() ? Map.of() : repository.replyDeadlines(ids);
    Map<String, List<String>> agents = ids.isEmpty() ? Map.of() : repository.agents(ids);
    List<CaseRow> rows = found.hits().stream().map(h -> new CaseRow(h.id(), CaseRow.href(h.id()), h.customerId(),
            h.customerName(), h.topic(), h.channel(), h.team(), h.status(), h.outcome(),
            agents.getOrDefault(h.id(), List.of()), h.receivedAt().atZone(shopTime.zone()).toOffsetDateTime(),
            sla(deadlines.get(h.id()), now)))
        .toList();
    return new CasePage(rows, query.page(), query.size(), found.total());
  }

  /** The state as {@link KpiSql#overdue} and the search's {@code sla} filter define it. */
  private CaseRow.Sla sla(ReplyDeadline d, Instant now) {
    if (d == null) {
      return null;
    }
    SlaState state;
    if (d.met() != null) {
      state = d.met() ? SlaState.MET : SlaState.BREACHED;
    } else if (d.completedAt() == null
        && (d.breachedAt() != null || (d.pausedAt() == null && d.dueAt().isBefore(now)))) {
      state = SlaState.OVERDUE;
    } else {
      state = SlaState.OPEN;
    }
    return new CaseRow.Sla(state, d.dueAt().atZone(shopTime.zone()).toOffsetDateTime());
  }
}
