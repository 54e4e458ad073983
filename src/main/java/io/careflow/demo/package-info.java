/**
 * The demo (profile {@code demo}): its users and groups, a shop with a past (about 90 days of
 * finished contacts written into careflow's own tables) and thirty open cases sent through the
 * real intake and processes ({@code demo/open-cases.json}); also the guard that refuses to start
 * on PostgreSQL while a demo user still has its known password. Its mail server and the
 * customers' side are the subpackages {@code demo.mail} and {@code demo.customers}.
 */
package io.careflow.demo;
