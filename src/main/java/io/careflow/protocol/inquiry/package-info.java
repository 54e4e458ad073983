/** The general-inquiry protocol ({@code processes/inquiry.bpmn}): answer the customer. */
package io.careflow.protocol.inquiry;
