package io.careflow.routing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Agents a test creates in the identity service — by role name ("ola" becomes ola-1a2b3c,
 * "Ola Test"), password = id so {@code support.Http} signs in as them — and removes with their
 * profiles afterwards, so tests sharing careflow never meet each other's agents.
 */
final class TestAgents {

  private final IdentityService identityService;
  private final JdbcClient jdbc;
  private final String suffix = UUID.randomUUID().toString().substring(0, 6);
  private final Map<String, String> ids = new LinkedHashMap<>();

  TestAgents(IdentityService identityService, JdbcClient jdbc) {
    this.identityService = identityService;
    this.jdbc = jdbc;
  }

  /** A new user who is a member of the groups; returns their user id. */
  String create(String role, Iterable<String> groups) {
    String id = role + "-" + suffix;
    User user = identityService.newUser(id);
    user.setFirstName(Character.toUpperCase(role.charAt(0)) + role.substring(1));
    user.setLastName("Test");
    user.setEmail(id + "@shop.example");
    user.setPassword(id);
    identityService.saveUser(user);
    groups.forEach(group -> identityService.createMembership(id, group));
    ids.put(role, id);
    return id;
  }

  String id(String role) {
    return ids.get(role);
  }

  /** "{ola}" in a text → the display name of this test's ola. */
  String names(String text) {
    String result = text;
    for (String role : ids.keySet()) {
      result = result.replace("{" + role + "}", Character.toUpperCase(role.charAt(0)) + role.substring(1) + " Test");
    }
    return result;
  }

  void removeAll() {
    for (String id : ids.values()) {
      identityService.deleteUser(id);
      jdbc.sql("delete from agent_profile where user_id = ?").param(id).update();
    }
    ids.clear();
  }
}
