/** The missed-call protocol ({@code processes/missed-call.bpmn}): call back within 1 working hour, up to 3 attempts. */
package io.careflow.protocol.missedcall;
