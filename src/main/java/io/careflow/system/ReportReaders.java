package io.careflow.system;

import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Who reads the reports, decided per request by the feature that owns them (the reporting
 * feature's {@code ReportAccess}); {@link SecurityConfiguration} puts the rules on their paths.
 * Declared here so that the security set-up every feature stands on needs none of them.
 */
public interface ReportReaders {

  /** For {@code /api/contacts/{id}/timeline}: the path variable {@code id} is the contact. */
  AuthorizationManager<RequestAuthorizationContext> timelineReaders();

  /** For {@code /api/kpis/**}: agents name their own team in {@code team}. */
  AuthorizationManager<RequestAuthorizationContext> kpiReaders();
}
