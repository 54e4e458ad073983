package io.careflow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class CareflowApplication {

  public static void main(String[] args) {
    SpringApplication.run(CareflowApplication.class, args);
  }
}
