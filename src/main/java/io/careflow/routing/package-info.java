/**
 * Routing (SPEC R4): which agent a task goes to, and why. Skills are Camunda groups
 * ({@code team-*}, {@code lang-*}, {@code channel-*}, {@code product-*}); availability and
 * capacity are the agent's profile; {@code processes/routing.dmn} names the team and the
 * skills of each task. A task is routed when it is created — to the agent who handled the
 * customer most often, else the least-loaded available agent with the skills, else the
 * team queue — again when its agent goes away, and by hand by a team lead. Every decision
 * is stored with its reason, shown in the task form and recorded on the contact.
 *
 * <p>One class per use case: {@link io.careflow.routing.NewTaskRouting} (called by
 * {@link io.careflow.routing.RouteTaskListener}), {@link io.careflow.routing.AwayRerouting},
 * {@link io.careflow.routing.QueueRerouting} and {@link io.careflow.routing.ManualReassignment}.
 * The re-routings share one step ({@code TaskRerouter}); {@link io.careflow.routing.AgentPicker}
 * decides who gets a task, {@link io.careflow.routing.RoutingTableReader} reads routing.dmn, and
 * {@link io.careflow.routing.RoutingDecisionRepository} and
 * {@link io.careflow.routing.AgentProfileRepository} are the only writers of routing's tables.
 */
package io.careflow.routing;
