package org.carevoice.notification;

import jakarta.activation.FileTypeMap;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.data.domain.PageRequest;
import org.springframework.mail.javamail.ConfigurableMimeFileTypeMap;
import org.springframework.mail.javamail.JavaMailSenderImpl;
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
 * <p>Each row is claimed with an atomic update before it is sent (a lease of
 * {@code carevoice.outbox.sending-lease}), so two threads or two nodes never send the same row.
 * The row is marked SENT in its own short transaction as soon as the SMTP server has accepted the
 * message, before the connection is closed and before the next message of a batch. Delivery is
 * at least once: only a crash (or a database failure) between the server's acceptance and that
 * commit sends a message twice, after the lease, with the same Message-ID (docs/operations.md).
 * Logs name the outbox id, never the recipient.
 */
@Component
class OutboxSender {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);
  private static final int BATCH = 50;
  /**
   * File types by name for the message's parts, read once: Spring's helper otherwise reads its
   * mime.types, and Jakarta Activation every META-INF/mime.types on the class path, for each
   * message (in the packaged jar, one nested jar after another, under the jar's lock).
   */
  private static final FileTypeMap FILE_TYPES = fileTypes();
  private static final Pattern EMAIL_ADDRESS = Pattern.compile("[^\\s<>\"',;:()\\[\\]]+@[^\\s<>\"',;:()\\[\\]]+");

  private final OutboxRepository outbox;
  private final JavaMailSenderImpl mailSender;
  private final MailProperties mail;
  private final OutboxProperties properties;
  private final TransactionTemplate transactions;
  private final TaskExecutor executor;
  private final Clock clock;
  private final Session session = Session.getInstance(new Properties());

  OutboxSender(OutboxRepository outbox, JavaMailSenderImpl mailSender, MailProperties mail, OutboxProperties properties,
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

  /**
   * Sends what is due over one SMTP connection, each message claimed just before it is sent and
   * marked SENT just after the server accepted it. When the connection fails, the rest of the batch
   * waits, unclaimed, for the next poll.
   */
  @Scheduled(fixedDelayString = "${carevoice.outbox.poll-interval:PT30S}", initialDelayString = "PT5S")
  void deliverDue() {
    Instant now = Instant.now(clock);
    Integer released = transactions.execute(status -> outbox.releaseStale(now.minus(properties.sendingLease())));
    if (released != null && released > 0) {
      LOG.warn("Returned {} outbox messages left in SENDING by a stopped sender to the queue", released);
    }
    List<Long> due = transactions.execute(status -> outbox.findDue(now, PageRequest.of(0, BATCH)));
    if (due == null || due.isEmpty()) {
      return;
    }
    try (Smtp smtp = new Smtp()) {
      for (Long id : due) {
        if (deliver(id, smtp) == Outcome.CONNECTION_FAILED) {
          break;
        }
      }
    }
  }

  /** Claims, sends and records one message; returns whether this call sent it. */
  boolean deliver(Long id) {
    try (Smtp smtp = new Smtp()) {
      return deliver(id, smtp) == Outcome.SENT;
    }
  }

  private enum Outcome { SENT, NOT_MINE, REFUSED, CONNECTION_FAILED }

  private Outcome deliver(Long id, Smtp smtp) {
    Instant now = Instant.now(clock);
    // Claimed and read in one short transaction: the row is ours once it commits.
    OutboxMessage message = transactions.execute(status ->
        outbox.claim(id, now) == 1 ? outbox.findById(id).orElseThrow() : null);
    if (message == null) {
      return Outcome.NOT_MINE;
    }
    MimeMessage mime;
    try {
      mime = toMime(message);
    } catch (MessagingException | RuntimeException e) {
      // This message cannot be written (a malformed address, say); the others can.
      recordFailure(message, e);
      return Outcome.REFUSED;
    }
    try {
      smtp.send(mime);
    } catch (SendFailedException e) {
      // The server refused this message (a recipient, say); the connection is normally still good.
      smtp.dropIfClosed();
      recordFailure(message, e);
      return Outcome.REFUSED;
    } catch (MessagingException | RuntimeException e) {
      smtp.drop();
      recordFailure(message, e);
      return Outcome.CONNECTION_FAILED;
    }
    // Accepted: from here on, nothing may put the row back in the queue but the lease.
    markSent(message);
    return Outcome.SENT;
  }

  /**
   * Records an accepted message as sent, in its own transaction. Should that fail, the row stays
   * SENDING and is sent again (same Message-ID) only when its lease runs out; it is never treated
   * as a failed delivery to retry at once.
   */
  private void markSent(OutboxMessage message) {
    try {
      transactions.executeWithoutResult(status -> outbox.markSent(message.getId(), Instant.now(clock)));
      LOG.info("Sent outbox message {} ({})", message.getId(), message.getTemplate());
    } catch (RuntimeException e) {
      LOG.error("Outbox message {} ({}) was accepted by the SMTP server but could not be marked sent: {}; it will"
          + " be sent again with the same Message-ID after the sending lease ({})", message.getId(),
          message.getTemplate(), e.getClass().getSimpleName(), properties.sendingLease());
    }
  }

  private void recordFailure(OutboxMessage message, Exception e) {
    int attempts = message.getAttempts();
    boolean giveUp = attempts >= properties.maxAttempts();
    Instant next = Instant.now(clock).plus(properties.retryDelay(attempts));
    String error = abbreviate(withoutAddresses(e.getClass().getSimpleName() + ": " + e.getMessage()), 500);
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

  /** An SMTP server's refusal often quotes the recipient; the stored error does not. */
  static String withoutAddresses(String text) {
    return EMAIL_ADDRESS.matcher(text).replaceAll("[address]");
  }

  /**
   * One SMTP connection, opened on the first message and reused for the next ones of a batch.
   * {@link #send} returns once the server has accepted the message (its reply to the data).
   */
  private final class Smtp implements AutoCloseable {

    private Transport transport;

    void send(MimeMessage mime) throws MessagingException {
      if (transport == null) {
        transport = connect();
      }
      transport.sendMessage(mime, mime.getAllRecipients());
    }

    private Transport connect() throws MessagingException {
      String username = mailSender.getUsername();
      String password = mailSender.getPassword();
      if (username != null && username.isEmpty()) {
        username = null;
        password = password != null && password.isEmpty() ? null : password;
      }
      Session mailSession = mailSender.getSession();
      Transport connected = mailSession.getTransport(mailSender.getProtocol() != null ? mailSender.getProtocol() : "smtp");
      connected.connect(mailSender.getHost(), mailSender.getPort(), username, password);
      return connected;
    }

    /** After a failure the connection is in an unknown state: the next message opens a new one. */
    void drop() {
      close();
    }

    /** After a refusal the server may have closed the connection (a 421, say); then the next message opens a new one. */
    void dropIfClosed() {
      if (transport != null && !transport.isConnected()) {
        close();
      }
    }

    @Override
    public void close() {
      if (transport != null) {
        try {
          // The messages are already marked sent: a failed QUIT changes nothing about them.
          transport.close();
        } catch (MessagingException e) {
          LOG.debug("Closing the SMTP connection failed: {}", e.getClass().getSimpleName());
        }
        transport = null;
      }
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
    MimeMessageHelper helper = new MimeMessageHelper(mime, true, "UTF-8") {
      @Override
      protected FileTypeMap getDefaultFileTypeMap(MimeMessage mimeMessage) {
        return FILE_TYPES;
      }
    };
    helper.setFrom(mail.from());
    helper.setTo(message.getRecipient());
    helper.setSubject(message.getSubject());
    helper.setText(message.getTextBody(), message.getHtmlBody());
    mime.setSentDate(java.util.Date.from(Instant.now(clock)));
    mime.saveChanges();
    return mime;
  }

  private static FileTypeMap fileTypes() {
    ConfigurableMimeFileTypeMap types = new ConfigurableMimeFileTypeMap();
    types.afterPropertiesSet();
    return types;
  }

  private static String abbreviate(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
