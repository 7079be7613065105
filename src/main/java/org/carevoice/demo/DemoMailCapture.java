package org.carevoice.demo;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * An SMTP server on 127.0.0.1 that keeps every message in memory, so the zero-setup demo can send
 * real email and show it at /dev/mailbox. Demo profile only; production talks to a real server.
 */
@Component
@Profile("demo")
@ConditionalOnProperty(name = "carevoice.demo.mail-capture.enabled", havingValue = "true")
class DemoMailCapture implements InitializingBean, DisposableBean {

  private static final Logger LOG = LoggerFactory.getLogger(DemoMailCapture.class);

  private final GreenMail greenMail;

  DemoMailCapture(DemoProperties properties) {
    this.greenMail = new GreenMail(new ServerSetup(properties.mailCapture().port(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
  }

  @Override
  public void afterPropertiesSet() {
    greenMail.start();
    LOG.info("Demo mail capture listening on 127.0.0.1:{}; read the mail at /dev/mailbox",
        greenMail.getSmtp().getPort());
  }

  @Override
  public void destroy() {
    greenMail.stop();
  }

  /** Newest first. */
  List<MimeMessage> messages() {
    List<MimeMessage> messages = new java.util.ArrayList<>(List.of(greenMail.getReceivedMessages()));
    java.util.Collections.reverse(messages);
    return messages;
  }
}
