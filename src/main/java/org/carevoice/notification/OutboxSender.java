package org.carevoice.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.data.domain.PageRequest;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the outbox through Jakarta Mail. A message is sent right after the transaction that
 * queued it commits, and the poller picks up whatever is due later (retries with exponential
 * back-off, messages queued while the SMTP server was down, messages a crashed node left behind).
 *
 * <p>Each row is claimed with an atomic update before it is sent, so two threads or two nodes
 * never send the same row. Logs name the outbox id, never the recipient.
 */
@Component
class OutboxSender {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);
  private static final int BATCH = 50;

  private final OutboxRepository outbox;
  private final JavaMailSender mailSender;
  private final MailProperties mail;
  private final OutboxProperties properties;
  private final TransactionTemplate transactions;
  private final TaskExecutor executor;
  private final Clock clock;
  private final Session session = Session.getInstance(new Properties());

  OutboxSender(OutboxRepository outbox, JavaMailSender mailSender, MailProperties mail, OutboxProperties properties,
      PlatformTransactionManager transactionManager, @Qualifier("outboxExecutor") TaskExecutor executor, Clock clock) {
    this.outbox = outbox;
    this.mailSender = mailSender;
    this.mail = mail;
    this.properties = properties;
    this.transactions = new TransactionTemplate(transactionManager);
    this.executor = executor;
    this.clock = clock;
  }

  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
  void onQueued(OutboxMessageQueued event) {
    executor.execute(() -> deliver(event.messageId()));
  }

  @Scheduled(fixedDelayString = "${carevoice.outbox.poll-interval:PT30S}", initialDelayString = "PT5S")
  void deliverDue() {
    Instant now = Instant.now(clock);
    Integer released = transactions.execute(status -> outbox.releaseStale(now.minus(properties.sendingLease())));
    if (released != null && released > 0) {
      LOG.warn("Returned {} outbox messages left in SENDING by a stopped sender to the queue", released);
    }
    List<Long> due = transactions.execute(status -> outbox.findDue(now, PageRequest.of(0, BATCH)));
    if (due != null) {
      due.forEach(this::deliver);
    }
  }

  /** Claims, sends and records one message; returns whether this call sent it. */
  boolean deliver(Long id) {
    Instant now = Instant.now(clock);
    Integer claimed = transactions.execute(status -> outbox.claim(id, now));
    if (claimed == null || claimed == 0) {
      return false;
    }
    OutboxMessage message = transactions.execute(status -> outbox.findById(id).orElseThrow());
    try {
      mailSender.send(toMime(message));
      transactions.executeWithoutResult(status -> outbox.markSent(id, Instant.now(clock)));
      LOG.info("Sent outbox message {} ({})", id, message.getTemplate());
      return true;
    } catch (MessagingException | RuntimeException e) {
      recordFailure(message, e);
      return false;
    }
  }

  private void recordFailure(OutboxMessage message, Exception e) {
    int attempts = message.getAttempts();
    boolean giveUp = attempts >= properties.maxAttempts();
    Instant next = Instant.now(clock).plus(properties.retryDelay(attempts));
    String error = abbreviate(e.getClass().getSimpleName() + ": " + e.getMessage(), 500);
    transactions.executeWithoutResult(status ->
        outbox.markFailed(message.getId(), giveUp ? OutboxStatus.FAILED : OutboxStatus.PENDING, next, error));
    if (giveUp) {
      LOG.error("Gave up on outbox message {} ({}) after {} attempts: {}", message.getId(), message.getTemplate(),
          attempts, e.getClass().getSimpleName());
    } else {
      LOG.warn("Outbox message {} ({}) failed on attempt {}, next try at {}: {}", message.getId(),
          message.getTemplate(), attempts, next, e.getClass().getSimpleName());
    }
  }

  private MimeMessage toMime(OutboxMessage message) throws MessagingException {
    String messageId = "<outbox-" + message.getId() + "." + message.getCreatedAt().toEpochMilli() + "@carevoice>";
    MimeMessage mime = new MimeMessage(session) {
      @Override
      protected void updateMessageID() throws MessagingException {
        // One id per outbox row: a retried delivery is recognisably the same message.
        setHeader("Message-ID", messageId);
      }
    };
    MimeMessageHelper helper = new MimeMessageHelper(mime, true, "UTF-8");
    helper.setFrom(mail.from());
    helper.setTo(message.getRecipient());
    helper.setSubject(message.getSubject());
    helper.setText(message.getTextBody(), message.getHtmlBody());
    return mime;
  }

  private static String abbreviate(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
