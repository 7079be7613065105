package org.carevoice.demo;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.carevoice.CarevoiceApplication;
import org.carevoice.notification.Notifications;
import org.carevoice.story.SubmittedStory;
import org.carevoice.story.TestStories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A newcomer's first run, as the demo starts it: the mail catcher's port is taken by another
 * program and the site is started on another port. Carevoice starts all the same, says in one line
 * where the catcher went, its email arrives there, every link in it points at the port the site
 * serves, and the demo mailbox lists the mail newest first, whoever it was for.
 */
@ExtendWith(OutputCaptureExtension.class)
class FirstRunIT {

  @Test
  void takenMailPort_otherServerPort_mailArrivesWithLinksToTheServedPort(CapturedOutput output) throws Exception {
    try (ServerSocket otherProgram = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
      int takenPort = otherProgram.getLocalPort();
      int serverPort = freePort();
      try (ConfigurableApplicationContext context = new SpringApplicationBuilder(CarevoiceApplication.class)
          .profiles("demo", "test")
          // As application-demo.yaml has it: the sender points at the catcher's chosen port.
          .run("--server.port=" + serverPort, "--carevoice.demo.mail-capture.enabled=true",
              "--carevoice.demo.mail-capture.port=" + takenPort, "--spring.mail.host=localhost",
              "--spring.mail.port=" + takenPort)) {
        DemoMailCapture capture = context.getBean(DemoMailCapture.class);
        assertThat(capture.port()).isNotEqualTo(takenPort);
        assertThat(output.getAll().lines().filter(line -> line.contains("CAREVOICE_DEMO_SMTP_PORT")))
            .singleElement().asString().contains("WARN", "Port " + takenPort + " is in use", ":" + capture.port());
        assertThat(output.getAll()).doesNotContain("BindException").doesNotContain("Address already in use");

        TestStories stories = context.getAutowireCapableBeanFactory().createBean(TestStories.class);
        SubmittedStory story = stories.submit("First run: the waiting room");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> capture.messages().stream()
            .anyMatch(message -> subject(message).contains(story.reference())));
        MimeMessage received = capture.messages().stream()
            .filter(message -> subject(message).contains(story.reference())).findFirst().orElseThrow();
        assertThat(text(received)).contains("http://localhost:" + serverPort + "/my-story/" + story.trackingToken())
            .doesNotContain("localhost:8080");

        // Three more, to two people in turn: the mailbox lists them by arrival, newest first.
        Notifications notifications = context.getBean(Notifications.class);
        TransactionTemplate transaction = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
        String[] to = {"first.carer@example.org", "second.carer@example.org", "first.carer@example.org"};
        for (int i = 1; i <= 3; i++) {
          String reference = "CV-2026-99000" + i;
          String recipient = to[i - 1];
          transaction.executeWithoutResult(status -> notifications.queue(reference, "story-received", recipient,
              Map.of("reference", reference, "trackingUrl", "http://localhost/my-story/x"), reference));
          Awaitility.await().atMost(Duration.ofSeconds(30))
              .until(() -> capture.messages().stream().anyMatch(message -> subject(message).contains(reference)));
        }
        HttpResponse<String> mailbox = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://localhost:" + serverPort + "/dev/mailbox")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(mailbox.statusCode()).isEqualTo(200);
        String page = mailbox.body();
        int third = page.indexOf("CV-2026-990003");
        int second = page.indexOf("CV-2026-990002");
        int first = page.indexOf("CV-2026-990001");
        int story1 = page.indexOf(story.reference());
        assertThat(third).isPositive();
        assertThat(second).isGreaterThan(third);
        assertThat(first).isGreaterThan(second);
        assertThat(story1).isGreaterThan(first);
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static String subject(MimeMessage message) {
    try {
      return String.valueOf(message.getSubject());
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String text(MimeMessage message) throws Exception {
    return MailboxController.textOf(message);
  }
}
