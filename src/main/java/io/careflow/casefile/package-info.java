/**
 * The case as every feature sees it — the small types they pass around and the record they
 * all read: the contact (its row, channel and status), the variables every process of a case
 * holds, the append-only log of what happened to it, the path of its page and who may read
 * which cases. It stands on {@code system} only; the features that write a case's life cycle
 * (the intake, the contact process) sit above it.
 */
package io.careflow.casefile;
