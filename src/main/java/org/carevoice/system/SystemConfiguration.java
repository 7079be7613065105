package org.carevoice.system;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SystemConfiguration {

  /** One clock for the whole application, so tests can fix time. */
  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
