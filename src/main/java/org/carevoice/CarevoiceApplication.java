package org.carevoice;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.core.metrics.jfr.FlightRecorderApplicationStartup;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Carevoice: stories about health and social care, told, moderated, published and answered. */
// No in-memory Spring user: staff authenticate against Camunda's identity service.
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
@ConfigurationPropertiesScan
@EnableScheduling
public class CarevoiceApplication {

  public static void main(String[] args) {
    SpringApplication application = new SpringApplication(CarevoiceApplication.class);
    // Where start-up goes, step by step, in a Java Flight Recording (docs/performance.md, "Start-up"):
    // -Dcarevoice.startup.jfr=true with -XX:StartFlightRecording.
    if (Boolean.getBoolean("carevoice.startup.jfr")) {
      application.setApplicationStartup(new FlightRecorderApplicationStartup());
    }
    application.run(args);
  }
}
