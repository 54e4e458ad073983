package io.careflow.demo;

import io.careflow.system.Groups;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo users of API.md with known passwords — profile {@code demo} only, which
 * {@link io.careflow.system.ProfileGuard} refuses together with {@code postgres}. The administrator
 * {@code demo} comes from {@code camunda.bpm.admin-user} in application-demo.yaml.
 */
@Component
@Profile("demo")
@Order(15)
public class DemoUsers implements ApplicationRunner {

  record DemoUser(String id, String firstName, String lastName, List<String> groups) {}

  // The groups of API.md, plus product knowledge for routing (routing.dmn asks for it on product
  // questions, defect replacements and inspections of returned items): anna knows fashion, boris
  // kitchen appliances and electronics; nobody in the demo knows furniture, so such tasks wait
  // in their team's queue.
  static final List<DemoUser> USERS = List.of(
      new DemoUser("anna", "Anna", "Nowak", List.of(Groups.AGENTS, Groups.TEAM_COMPLAINTS, Groups.TEAM_RETURNS,
          Groups.LANG_PL, Groups.LANG_EN, Groups.CHANNEL_CHAT, Groups.PRODUCT_FASHION)),
      new DemoUser("boris", "Boris", "Ivanov", List.of(Groups.AGENTS, Groups.TEAM_REPLACEMENTS,
          Groups.TEAM_INQUIRIES, Groups.LANG_RU, Groups.LANG_EN, Groups.PRODUCT_KITCHEN, Groups.PRODUCT_ELECTRONICS)),
      new DemoUser("maria", "Maria", "Wiśniewska", List.of(Groups.MANAGERS, Groups.TEAM_LEADS)),
      new DemoUser("intake", "Intake", "Integration", List.of(Groups.INTEGRATIONS)),
      new DemoUser("dora", "Dora", "Designer", List.of(Groups.DESIGNERS)),
      new DemoUser("mona", "Mona", "Monitoring", List.of(Groups.MONITORING)));

  /** The groups of that demo user, as the demo creates them (tests sign in with these). */
  public static List<String> groupsOf(String id) {
    return USERS.stream().filter(user -> user.id().equals(id)).findFirst().map(DemoUser::groups)
        .orElseThrow(() -> new IllegalArgumentException("no demo user " + id));
  }

  /** The ids of the users above (the administrator comes from {@code camunda.bpm.admin-user}). */
  public static List<String> ids() {
    return USERS.stream().map(DemoUser::id).toList();
  }

  private final IdentityService identityService;

  public DemoUsers(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  public void run(ApplicationArguments args) {
    for (DemoUser demo : USERS) {
      if (identityService.createUserQuery().userId(demo.id()).count() == 0) {
        User user = identityService.newUser(demo.id());
        user.setFirstName(demo.firstName());
        user.setLastName(demo.lastName());
        user.setEmail(demo.id() + "@shop.example");
        user.setPassword(demo.id());
        identityService.saveUser(user);
      }
      for (String group : demo.groups()) {
        if (identityService.createUserQuery().userId(demo.id()).memberOfGroup(group).count() == 0) {
          identityService.createMembership(demo.id(), group);
        }
      }
    }
  }
}
