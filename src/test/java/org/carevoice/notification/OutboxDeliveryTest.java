package org.carevoice.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.persistence.EntityManager;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.carevoice.CarevoiceTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The outbox against a real SMTP server (GreenMail): after commit, once, never on rollback, retried when down. */
@CarevoiceTest
class OutboxDeliveryTest {

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(3125, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

  @Autowired Notifications notifications;
  @Autowired OutboxSender sender;
  @Autowired OutboxRepository outbox;
  @Autowired PlatformTransactionManager transactionManager;
  @Autowired JdbcTemplate jdbc;
  @Autowired EntityManager entityManager;
  @Autowired @Qualifier("outboxExecutor") ThreadPoolTaskExecutor outboxExecutor;

  @Test
  void committedMessage_arrivesOnceWithTextAndHtml() throws Exception {
    String to = "once@example.org";
    Long id = queueCommitted(to);

    assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
    sender.deliverDue();
    assertThat(sender.deliver(id)).isFalse();

    List<MimeMessage> received = receivedBy(to);
    assertThat(received).hasSize(1);
    MimeMessage mail = received.get(0);
    assertThat(mail.getSubject()).isEqualTo("Your story CV-2026-999999 has been received");
    assertThat(mail.getContentType()).startsWith("multipart/mixed");
    assertThat(mail.getHeader("Message-ID")[0]).startsWith("<outbox-" + id + ".");
    assertThat(GreenMailUtil.getWholeMessage(mail))
        .contains("text/plain").contains("text/html").contains("https://carevoice.test/my-story/secret-token");
    Awaitility.await().atMost(Duration.ofSeconds(10))
        .until(() -> outbox.findById(id).orElseThrow().getStatus() == OutboxStatus.SENT);
  }

  @Test
  void rolledBackTransaction_sendsNothing() {
    String to = "rollback@example.org";
    new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
      notifications.queue("CV-2026-999999", "story-received", to, model(), "CV-2026-999999");
      status.setRollbackOnly();
    });

    sender.deliverDue();

    assertThat(jdbc.queryForObject("select count(*) from outbox_message where recipient = ?", Long.class, to)).isZero();
    assertThat(receivedBy(to)).isEmpty();
  }

  @Test
  void concurrentSenders_deliverEachMessageOnce() throws Exception {
    String to = "race@example.org";
    Long id = queueCommitted(to);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      Callable<Boolean> attempt = () -> sender.deliver(id);
      List<Future<Boolean>> results = pool.invokeAll(List.of(attempt, attempt, attempt, attempt));
      for (Future<Boolean> result : results) {
        result.get();
      }
    } finally {
      pool.shutdown();
    }
    smtp.waitForIncomingEmail(5_000, 1);
    Awaitility.await().atMost(Duration.ofSeconds(10))
        .until(() -> outbox.findById(id).orElseThrow().getStatus() == OutboxStatus.SENT);
    sender.deliverDue();

    assertThat(receivedBy(to)).hasSize(1);
    assertThat(outbox.findById(id).orElseThrow().getAttempts()).isEqualTo(1);
  }

  @Test
  void smtpServerDown_messageIsRetriedLaterAndThenDelivered() throws Exception {
    String to = "retry@example.org";
    smtp.stop();
    Long id = queueCommitted(to);
    awaitAttempts(id, 1);

    OutboxMessage failed = outbox.findById(id).orElseThrow();
    assertThat(failed.getStatus()).isEqualTo(OutboxStatus.PENDING);
    assertThat(failed.getNextAttemptAt()).isAfter(failed.getCreatedAt());
    assertThat(failed.getLastError()).isNotBlank();

    smtp.start();
    makeDue(id);
    sender.deliverDue();

    assertThat(receivedBy(to)).hasSize(1);
    assertThat(outbox.findById(id).orElseThrow().getStatus()).isEqualTo(OutboxStatus.SENT);
    assertThat(outbox.findById(id).orElseThrow().getAttempts()).isEqualTo(2);
  }

  @Test
  void messageThatKeepsFailing_isMarkedFailedAfterMaxAttempts() throws Exception {
    String to = "gives-up@example.org";
    smtp.stop();
    Long id = queueCommitted(to);
    awaitAttempts(id, 1);
    for (int attempt = 2; attempt <= 8; attempt++) {
      makeDue(id);
      sender.deliver(id);
    }
    assertThat(outbox.findById(id).orElseThrow().getStatus()).isEqualTo(OutboxStatus.FAILED);
    assertThat(outbox.findById(id).orElseThrow().getAttempts()).isEqualTo(8);
    smtp.start();
  }

  /**
   * Each message is marked SENT as soon as the SMTP server accepted it, before the next one is
   * sent: the server fails the second of two (a local error once it has the data), and by then the
   * first is already recorded as sent. The first is never sent again; the second waits for its
   * retry, keeps its Message-ID and then arrives once.
   */
  @Test
  void failureOnTheSecondOfTwoMessages_leavesTheFirstSentAndTheSecondPending() throws Exception {
    String first = "first-of-two@example.org";
    String second = "second-of-two@example.org";
    Long[] ids = queueCommittedNotYetDue(first, second);
    Long firstId = ids[0];
    Long secondId = ids[1];
    AtomicBoolean failSecond = new AtomicBoolean(true);
    AtomicReference<String> firstStatusWhenSecondArrived = new AtomicReference<>();
    UserManager users = smtp.getUserManager();
    users.setMessageDeliveryHandler((message, address) -> {
      if (address.getEmail().equals(second)) {
        firstStatusWhenSecondArrived.compareAndSet(null,
            jdbc.queryForObject("select status from outbox_message where id = ?", String.class, firstId));
        if (failSecond.get()) {
          throw new MessagingException("Mailbox store failed");
        }
      }
      GreenMailUser user = users.getUserByEmail(address.getEmail());
      return user != null ? user : users.createUser(address.getEmail(), address.getEmail(), address.getEmail());
    });

    makeDue(firstId, 2);
    makeDue(secondId, 1);
    sender.deliverDue();

    assertThat(firstStatusWhenSecondArrived.get()).isEqualTo("SENT");
    OutboxMessage sent = outbox.findById(firstId).orElseThrow();
    assertThat(sent.getStatus()).isEqualTo(OutboxStatus.SENT);
    assertThat(sent.getSentAt()).isNotNull();
    OutboxMessage pending = outbox.findById(secondId).orElseThrow();
    assertThat(pending.getStatus()).isEqualTo(OutboxStatus.PENDING);
    assertThat(pending.getAttempts()).isEqualTo(1);
    assertThat(pending.getLastError()).contains("451").doesNotContain(second);
    assertThat(receivedBy(first)).hasSize(1);
    assertThat(receivedBy(second)).isEmpty();

    failSecond.set(false);
    makeDue(secondId, 1);
    sender.deliverDue();

    assertThat(receivedBy(first)).hasSize(1);
    assertThat(receivedBy(second)).hasSize(1);
    assertThat(receivedBy(second).get(0).getHeader("Message-ID")[0]).startsWith("<outbox-" + secondId + ".");
    assertThat(outbox.findById(secondId).orElseThrow().getStatus()).isEqualTo(OutboxStatus.SENT);
    assertThat(outbox.findById(secondId).orElseThrow().getAttempts()).isEqualTo(2);
  }

  @Test
  void storedErrors_neverQuoteAnAddress() {
    assertThat(OutboxSender.withoutAddresses(
        "SMTPAddressFailedException: 550 5.1.1 <jo.bloggs@example.org>: Recipient address rejected"))
        .isEqualTo("SMTPAddressFailedException: 550 5.1.1 <[address]>: Recipient address rejected");
  }

  @Test
  void backOff_doublesUpToTheCap() {
    OutboxProperties properties = new OutboxProperties(Duration.ofSeconds(30), 8, Duration.ofMinutes(1),
        Duration.ofMinutes(10), Duration.ofMinutes(10));
    assertThat(properties.retryDelay(1)).isEqualTo(Duration.ofMinutes(1));
    assertThat(properties.retryDelay(2)).isEqualTo(Duration.ofMinutes(2));
    assertThat(properties.retryDelay(4)).isEqualTo(Duration.ofMinutes(8));
    assertThat(properties.retryDelay(5)).isEqualTo(Duration.ofMinutes(10));
  }

  /**
   * Queues messages in one transaction, not yet due, and waits until the sends started by its
   * commit have found nothing due: the test then decides when they are.
   */
  private Long[] queueCommittedNotYetDue(String... recipients) {
    long tasksBefore = outboxExecutor.getThreadPoolExecutor().getTaskCount();
    Long[] ids = new TransactionTemplate(transactionManager).execute(status -> {
      Long[] queued = new Long[recipients.length];
      for (int i = 0; i < recipients.length; i++) {
        queued[i] = notifications.queue("CV-2026-999999", "story-received", recipients[i], model(), "CV-2026-999999");
      }
      entityManager.flush();
      for (Long id : queued) {
        jdbc.update("update outbox_message set next_attempt_at = ? where id = ?",
            java.sql.Timestamp.from(java.time.Instant.now().plusSeconds(3_600)), id);
      }
      return queued;
    });
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
        outboxExecutor.getThreadPoolExecutor().getCompletedTaskCount() >= tasksBefore + recipients.length);
    return ids;
  }

  private Long queueCommitted(String to) {
    return new TransactionTemplate(transactionManager).execute(status ->
        notifications.queue("CV-2026-999999", "story-received", to, model(), "CV-2026-999999"));
  }

  private static Map<String, Object> model() {
    return Map.of("reference", "CV-2026-999999", "trackingUrl", "https://carevoice.test/my-story/secret-token");
  }

  /** The first attempt runs on the outbox thread right after commit; wait for it, then own the row. */
  private void awaitAttempts(Long id, int attempts) {
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
      OutboxMessage message = outbox.findById(id).orElseThrow();
      return message.getAttempts() >= attempts && message.getStatus() != OutboxStatus.SENDING;
    });
  }

  /** Time passing: the next attempt is due now. */
  private void makeDue(Long id) {
    makeDue(id, 1);
  }

  /** Due since this many seconds ago (the sender takes the longest due first). */
  private void makeDue(Long id, int secondsAgo) {
    jdbc.update("update outbox_message set next_attempt_at = ? where id = ?",
        java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(secondsAgo)), id);
  }

  private List<MimeMessage> receivedBy(String to) {
    return Arrays.stream(smtp.getReceivedMessages()).filter(message -> {
      try {
        return Arrays.stream(message.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equals(to));
      } catch (jakarta.mail.MessagingException e) {
        throw new IllegalStateException(e);
      }
    }).toList();
  }
}
