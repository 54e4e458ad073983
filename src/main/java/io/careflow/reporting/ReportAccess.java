package io.careflow.reporting;

import io.careflow.casefile.CaseReaders;
import io.careflow.system.Groups;
import io.careflow.system.ReportReaders;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.stereotype.Component;

/**
 * Who reads what of the reports (SPEC R6; the rules themselves are listed in
 * {@code system.SecurityConfiguration}):
 * <ul>
 *   <li>a contact's timeline: managers, team leads and administrators; agents only of the
 *       cases they worked on or that were offered to their team ({@link CaseInvolvement});</li>
 *   <li>the KPIs: managers, team leads and administrators for any filter; agents only with
 *       {@code team=} one of their own teams — so never the numbers of another team.</li>
 * </ul>
 */
@Component
public class ReportAccess implements ReportReaders {

  private final CaseInvolvement involvement;

  public ReportAccess(CaseInvolvement involvement) {
    this.involvement = involvement;
  }

  /** For {@code /api/contacts/{id}/timeline}: the path variable {@code id} is the contact. */
  @Override
  public AuthorizationManager<RequestAuthorizationContext> timelineReaders() {
    return new Rule() {
      @Override
      boolean allows(Authentication user, Set<String> groups, RequestAuthorizationContext request) {
        if (CaseReaders.readsAll(groups)) {
          return true;
        }
        String contactId = request.getVariables().get("id");
        return groups.contains(Groups.AGENTS) && contactId != null
            && involvement.involved(contactId, user.getName(), groups);
      }
    };
  }

  /** For {@code /api/kpis/**}: agents name their own team in {@code team}. */
  @Override
  public AuthorizationManager<RequestAuthorizationContext> kpiReaders() {
    return new Rule() {
      @Override
      boolean allows(Authentication user, Set<String> groups, RequestAuthorizationContext request) {
        if (CaseReaders.readsAll(groups)) {
          return true;
        }
        String team = request.getRequest().getParameter("team");
        return groups.contains(Groups.AGENTS) && team != null && CaseReaders.isTeam(team.trim())
            && groups.contains(team.trim());
      }
    };
  }

  private abstract static class Rule implements AuthorizationManager<RequestAuthorizationContext> {

    abstract boolean allows(Authentication user, Set<String> groups, RequestAuthorizationContext request);

    @Override
    @SuppressWarnings("deprecation")
    public AuthorizationDecision check(Supplier<Authentication> authentication, RequestAuthorizationContext request) {
      Authentication user = authentication.get();
      if (user == null || !user.isAuthenticated()) {
        return new AuthorizationDecision(false);
      }
      Set<String> groups = user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
          .collect(Collectors.toSet());
      return new AuthorizationDecision(allows(user, groups, request));
    }
  }
}
