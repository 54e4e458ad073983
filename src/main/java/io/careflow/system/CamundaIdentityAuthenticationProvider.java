package io.careflow.system;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Checks careflow API credentials against the Camunda identity service — the one user
 * directory behind /api, /engine-rest and the webapps. Each Camunda group becomes an
 * authority of the same name ({@code agents}, {@code managers}, …). The engine's own
 * lock-out after repeated wrong passwords applies here too.
 */
@Component
public class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

  private final IdentityService identityService;
  private final VerifiedCredentials credentials;

  public CamundaIdentityAuthenticationProvider(IdentityService identityService, VerifiedCredentials credentials) {
    this.identityService = identityService;
    this.credentials = credentials;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String user = authentication.getName();
    Object credentials = authentication.getCredentials();
    if (user == null || user.isBlank() || credentials == null
        || !this.credentials.passwordMatches(user, credentials.toString(),
            () -> identityService.checkPassword(user, credentials.toString()))) {
      throw new BadCredentialsException("Wrong user name or password");
    }
    return signedIn(user);
  }

  /** {@code user}, whose sign-in was checked elsewhere (Tasklist's session), with their groups as authorities. */
  public Authentication signedIn(String user) {
    List<SimpleGrantedAuthority> groups = this.credentials.groupsOf(user,
            () -> identityService.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList())
        .stream().map(SimpleGrantedAuthority::new).toList();
    return UsernamePasswordAuthenticationToken.authenticated(user, null, groups);
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
