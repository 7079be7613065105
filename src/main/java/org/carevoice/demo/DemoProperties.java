package org.carevoice.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param password the password of every demo user
 * @param mailCapture the embedded SMTP server that captures the demo's email
 */
@ConfigurationProperties("carevoice.demo")
public record DemoProperties(String password, MailCapture mailCapture) {

  /** @param enabled whether to run it; @param port its SMTP port on 127.0.0.1 */
  public record MailCapture(boolean enabled, int port) {}
}
