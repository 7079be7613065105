package org.carevoice;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Carevoice: stories about health and social care, told, moderated, published and answered. */
// No in-memory Spring user: staff authenticate against Camunda's identity service.
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
@ConfigurationPropertiesScan
@EnableScheduling
public class CarevoiceApplication {

  public static void main(String[] args) {
    SpringApplication.run(CarevoiceApplication.class, args);
  }
}
