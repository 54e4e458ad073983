package io.careflow.reporting;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The reports' background work: the refresh of the live gauges ({@link OperationsMetrics})
 * and the nightly retention job ({@link ContactRetention}) run on Spring's scheduler.
 */
@Configuration
@EnableScheduling
public class ReportingConfiguration {}
