package io.careflow.routing;

import io.careflow.system.InvalidRequestException;
import io.careflow.system.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /availability}: the signed-in agent's own page, linked from Tasklist's header and from
 * every task form. It shows whether routing gives them new tasks, how many open tasks count
 * against them and what switching does, and switches AVAILABLE / AWAY through the same
 * {@link AgentService#update} as {@code PUT /api/agents/{id}}. An agent changes only their own
 * availability here: a form naming someone else is refused (team leads use the API).
 *
 * <p>Signed in by the agent's Tasklist session (so the link in Tasklist's header asks no second
 * login), else HTTP Basic like the case search; a change is a POST that must come from careflow's
 * own page (the browser's {@code Origin} / {@code Sec-Fetch-Site}), so another site cannot switch
 * an agent away with a hidden form, the session's cookie notwithstanding.
 */
@Controller
public class AvailabilityPageController {

  static final String PAGE = "/availability";

  private final AgentService agents;

  public AvailabilityPageController(AgentService agents) {
    this.agents = agents;
  }

  @GetMapping(PAGE)
  public String page(@RequestParam(required = false) Integer rerouted, Authentication user, Model model,
      HttpServletResponse response) {
    AgentView agent;
    try {
      agent = agents.view(user.getName());
    } catch (NotFoundException e) {
      return refused(response, model, HttpStatus.NOT_FOUND, user.getName() + " is not an agent: routing gives "
          + "tasks only to members of the group agents.");
    }
    // FreeMarker reads a record's components only as methods: the page gets them by name
    var shown = new java.util.LinkedHashMap<String, Object>();
    shown.put("id", agent.id());
    shown.put("name", agent.name());
    shown.put("availability", agent.availability().name());
    shown.put("maxOpenTasks", agent.maxOpenTasks());
    shown.put("maxOpenChats", agent.maxOpenChats());
    shown.put("openTasks", agent.openTasks());
    shown.put("openChats", agent.openChats());
    shown.put("teams", agent.teams());
    if (agent.updatedBy() != null) {
      shown.put("updatedBy", agent.updatedBy());
    }
    if (agent.updatedAt() != null) {
      shown.put("updatedAt", agent.updatedAt().toLocalDateTime().withNano(0).toString().replace('T', ' '));
    }
    model.addAttribute("agent", shown);
    model.addAttribute("away", agent.availability() == Availability.AWAY);
    model.addAttribute("rerouted", rerouted);
    return "routing/availability";
  }

  @PostMapping(PAGE)
  public String change(@RequestParam(required = false) String agent, @RequestParam(required = false) String availability,
      Authentication user, HttpServletRequest request, HttpServletResponse response, Model model) {
    if (!fromThisSite(request)) {
      return refused(response, model, HttpStatus.FORBIDDEN,
          "A change of availability must come from careflow's own availability page.");
    }
    String me = user.getName();
    if (agent != null && !agent.isBlank() && !agent.equals(me)) {
      return refused(response, model, HttpStatus.FORBIDDEN, "You can change only your own availability (signed in as "
          + me + ", the form names " + agent + "). Team leads change an agent's availability with PUT /api/agents/{id}.");
    }
    try {
      int before = agents.view(me).openTasks();
      AgentView after = agents.update(me, new AgentUpdate(availability, null, null), me);
      int rerouted = after.availability() == Availability.AWAY ? Math.max(0, before - after.openTasks()) : 0;
      return "redirect:" + PAGE + (after.availability() == Availability.AWAY ? "?rerouted=" + rerouted : "");
    } catch (InvalidRequestException e) {
      return refused(response, model, HttpStatus.BAD_REQUEST, e.problems().stream()
          .map(p -> p.field() + ": " + p.message()).toArray(String[]::new));
    } catch (NotFoundException e) {
      return refused(response, model, HttpStatus.NOT_FOUND, me + " is not an agent.");
    }
  }

  /** A form POST the browser says came from this site; a client that sends neither header is not a browser. */
  static boolean fromThisSite(HttpServletRequest request) {
    String site = request.getHeader("Sec-Fetch-Site");
    if (site != null && !site.equals("same-origin") && !site.equals("none")) {
      return false;
    }
    String origin = request.getHeader("Origin");
    if (origin == null || origin.equals("null")) {
      return origin == null;
    }
    URI from = URI.create(origin);
    return from.getHost() != null && from.getHost().equalsIgnoreCase(request.getServerName())
        && port(from) == request.getServerPort();
  }

  private static int port(URI uri) {
    return uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }

  private static String refused(HttpServletResponse response, Model model, HttpStatus status, String... problems) {
    response.setStatus(status.value());
    model.addAttribute("title", status == HttpStatus.FORBIDDEN ? "Not allowed" : status == HttpStatus.NOT_FOUND
        ? "Not an agent" : "Not changed");
    model.addAttribute("problems", List.of(problems));
    return "routing/availability-refused";
  }
}
