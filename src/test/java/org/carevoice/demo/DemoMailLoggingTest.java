package org.carevoice.demo;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.carevoice.CarevoiceTest;
import org.carevoice.notification.Notifications;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo's mail catcher receives a real email from the outbox, and no email address reaches the
 * log on the way: neither GreenMail's (quietened in application-demo.yaml) nor ours. The catcher
 * listens on the test profile's SMTP port, where the application sends.
 */
@CarevoiceTest
@ExtendWith(OutputCaptureExtension.class)
class DemoMailLoggingTest {

  static final int TEST_SMTP_PORT = 3125;

  @Autowired Notifications notifications;
  @Autowired PlatformTransactionManager transactionManager;
  @Autowired ObjectProvider<JavaMailSender> mailSender;

  DemoMailCapture capture;

  @BeforeEach
  void startTheDemoMailCatcher() {
    capture = new DemoMailCapture(new DemoProperties("demo", new DemoProperties.MailCapture(true, TEST_SMTP_PORT)),
        mailSender);
    capture.afterPropertiesSet();
  }

  @AfterEach
  void stopIt() {
    capture.destroy();
  }

  @Test
  void aDeliveredDemoEmail_leavesNoAddressInTheLog(CapturedOutput log) {
    String localPart = "carer-" + UUID.randomUUID();
    String address = localPart + "@example.org";

    Long id = new TransactionTemplate(transactionManager).execute(status -> notifications.queue(
        "CV-2026-999998", "story-received", address,
        Map.of("reference", "CV-2026-999998", "trackingUrl", "https://carevoice.test/my-story/demo-token"),
        "CV-2026-999998"));

    Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> capture.messages().stream().anyMatch(m -> to(m, address)));
    // The sender has logged the delivery (by outbox id), so the log was captured while it happened.
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> log.getAll().contains("Sent outbox message " + id));

    assertThat(log.getAll()).doesNotContain(address).doesNotContain(localPart);
  }

  private static boolean to(MimeMessage message, String address) {
    try {
      Object[] recipients = message.getRecipients(Message.RecipientType.TO);
      return recipients != null && recipients.length == 1 && address.equals(recipients[0].toString());
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
