/**
 * "Ask the customer" from any task of a case: the agent's question goes out in the case's channel,
 * the task stays open with the case's deadlines paused, and the customer's answer — with any new
 * files — resumes them and shows on the task's form. The customer answers by e-mail, or on the
 * public answer page the question links to (text and files), which takes the same path. Generic: a form gets it with the
 * {@code ask-customer} block, no model changes.
 */
package io.careflow.question;
