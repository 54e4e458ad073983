package io.careflow.routing;

/** Whether an agent takes new tasks now. An agent who goes AWAY hands their unstarted tasks back to routing. */
public enum Availability {
  AVAILABLE, AWAY
}
