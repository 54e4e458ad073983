package io.careflow.survey;

import static io.careflow.system.SqlTimes.instant;
import static io.careflow.system.SqlTimes.utc;

import io.careflow.casefile.CaseRecords;
import io.careflow.casefile.ContactEvents;
import io.careflow.publicpages.PublicLinks;
import io.careflow.publicpages.PublicLinks.Link;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The customers' survey answers, one per case (CSAT 1–5, NPS 0–10, Customer Effort Score 1–7,
 * a comment), read by the KPIs. Storing spends the link, in the same transaction.
 */
@Service
public class SurveyAnswers implements CaseRecords {

  public static final String SURVEY_ANSWERED = "SURVEY_ANSWERED";

  private final JdbcClient jdbc;
  private final NamedParameterJdbcTemplate batches;
  private final PublicLinks links;
  private final ContactEvents events;
  private final Clock clock;

  public SurveyAnswers(JdbcClient jdbc, NamedParameterJdbcTemplate batches, PublicLinks links, ContactEvents events,
      Clock clock) {
    this.jdbc = jdbc;
    this.batches = batches;
    this.links = links;
    this.events = events;
    this.clock = clock;
  }

  public record Answer(String contactId, int csat, int nps, int ces, String comment, Instant answeredAt) {}

  @Transactional
  public void store(Link link, int csat, int nps, int ces, String comment) {
    links.use(link);
    try {
      jdbc.sql("insert into survey_answer (id, contact_id, csat, nps, ces, comment, answered_at) "
              + "values (?, ?, ?, ?, ?, ?, ?)")
          .params(UUID.randomUUID().toString(), link.contactId(), csat, nps, ces, comment, utc(clock.instant()))
          .update();
    } catch (DuplicateKeyException e) {
      // one answer per case, even through a second link
      throw new PublicLinks.RefusedLinkException(PublicLinks.Refusal.USED, link.contactId());
    }
    events.record(link.contactId(), SURVEY_ANSWERED, "customer",
        "CSAT " + csat + "/5, NPS " + nps + "/10, effort " + ces + "/7" + (comment == null ? "" : ", with a comment"));
  }

  /** Writes answers of the past (no link spent, no event) as one JDBC batch, in the caller's transaction. */
  public void insertAll(List<Answer> answers) {
    batches.batchUpdate("""
            insert into survey_answer (id, contact_id, csat, nps, ces, comment, answered_at)
            values (:id, :contactId, :csat, :nps, :ces, :comment, :answeredAt)""",
        answers.stream().map(a -> new MapSqlParameterSource().addValue("id", UUID.randomUUID().toString())
            .addValue("contactId", a.contactId()).addValue("csat", a.csat()).addValue("nps", a.nps())
            .addValue("ces", a.ces()).addValue("comment", a.comment()).addValue("answeredAt", utc(a.answeredAt())))
            .toArray(SqlParameterSource[]::new));
  }

  public Optional<Answer> of(String contactId) {
    return jdbc.sql("select * from survey_answer where contact_id = ?").param(contactId)
        .query((rs, n) -> new Answer(rs.getString("contact_id"), rs.getInt("csat"), rs.getInt("nps"), rs.getInt("ces"),
            rs.getString("comment"), instant(rs, "answered_at")))
        .optional();
  }

  @Override
  public List<String> tables() {
    return List.of("survey_answer");
  }

  @Override
  public void forget(Collection<String> contactIds) {
    CaseRecords.deleteRows(jdbc, tables(), contactIds);
  }
}
