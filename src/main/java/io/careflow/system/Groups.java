package io.careflow.system;

import java.util.List;

/** The groups careflow's rules name. Groups are the skills and roles of API.md. */
public final class Groups {

  public static final String ADMINS = "camunda-admin";
  public static final String AGENTS = "agents";
  public static final String MANAGERS = "managers";
  public static final String TEAM_LEADS = "team-leads";
  public static final String INTEGRATIONS = "integrations";
  /** Process designers: deploy models, forms and tables (Camunda Modeler), read Cockpit; no tasks, no customer data. */
  public static final String DESIGNERS = "designers";
  /** Health, metrics and Prometheus, nothing else: for the operator's monitoring system. */
  public static final String MONITORING = "monitoring";

  public static final String TEAM_COMPLAINTS = "team-complaints";
  public static final String TEAM_RETURNS = "team-returns";
  public static final String TEAM_REPLACEMENTS = "team-replacements";
  public static final String TEAM_INQUIRIES = "team-inquiries";

  public static final String LANG_PL = "lang-pl";
  public static final String LANG_EN = "lang-en";
  public static final String LANG_RU = "lang-ru";
  public static final String CHANNEL_CHAT = "channel-chat";

  /** Product knowledge, by the product categories of {@code routing.dmn} ({@code product-category}). */
  public static final String PRODUCT_KITCHEN = "product-kitchen";
  public static final String PRODUCT_ELECTRONICS = "product-electronics";
  public static final String PRODUCT_FURNITURE = "product-furniture";
  public static final String PRODUCT_FASHION = "product-fashion";

  /** How routing tells a group's kind by its name. */
  public static final String TEAM_PREFIX = "team-";
  public static final String LANG_PREFIX = "lang-";
  public static final String CHANNEL_PREFIX = "channel-";
  public static final String PRODUCT_PREFIX = "product-";

  /** Teams: candidate groups of the protocols' tasks. */
  public static final List<String> TEAMS =
      List.of(TEAM_COMPLAINTS, TEAM_RETURNS, TEAM_REPLACEMENTS, TEAM_INQUIRIES, TEAM_LEADS);

  /** Skills that routing matches against the task. */
  public static final List<String> SKILLS = List.of(LANG_PL, LANG_EN, LANG_RU, CHANNEL_CHAT,
      PRODUCT_KITCHEN, PRODUCT_ELECTRONICS, PRODUCT_FURNITURE, PRODUCT_FASHION);

  /** A skill routing matches: a language, a channel or a product category. */
  public static boolean isSkill(String groupId) {
    return groupId.startsWith(LANG_PREFIX) || groupId.startsWith(CHANNEL_PREFIX) || groupId.startsWith(PRODUCT_PREFIX);
  }

  private Groups() {}
}
