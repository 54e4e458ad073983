package io.careflow.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;
import org.camunda.bpm.engine.rest.mapper.JacksonConfigurator;
import org.glassfish.jersey.server.ResourceConfig;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.stereotype.Component;

/**
 * One JSON mapper for Camunda's REST API ({@code /engine-rest}) instead of a new one per use.
 * Camunda's {@link JacksonConfigurator} makes and configures a new {@link ObjectMapper} each time
 * Jersey or a REST resource asks for one — several times per request — so every request also
 * learned again, by reflection, how to write each of its classes (Jackson caches that per
 * mapper). careflow's resolver, consulted first, gives the same mapper configured the same way
 * ({@link JacksonConfigurator#configureObjectMapper}) to every request; a configured mapper is
 * safe to share between threads.
 */
@Component
public class EngineRestJson implements ResourceConfigCustomizer {

  @Override
  public void customize(ResourceConfig config) {
    config.register(SharedMapper.class);
  }

  /** The resolver, ahead of Camunda's: same media types, a higher priority (a lower number). */
  @Provider
  @Produces({"application/json", "application/hal+json"})
  @Priority(1)
  public static class SharedMapper implements ContextResolver<ObjectMapper> {

    @Override
    public ObjectMapper getContext(Class<?> type) {
      return Holder.MAPPER;
    }
  }

  /** Made at the first request, once Camunda's date format setting is known. */
  private static final class Holder {
    static final ObjectMapper MAPPER = JacksonConfigurator.configureObjectMapper(new ObjectMapper());
  }
}
