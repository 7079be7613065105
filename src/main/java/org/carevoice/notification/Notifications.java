package org.carevoice.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.carevoice.system.SiteProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Pageable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.thymeleaf.context.Context;
import org.unbescape.html.HtmlEscape;

/**
 * Queues email. Every message is rendered from a pair of templates ({@code
 * templates/email/NAME.html} and {@code NAME.txt}) with a subject from {@code
 * messages.properties} ({@code email.NAME.subject}), and written to the outbox in the caller's
 * transaction; {@link OutboxSender} delivers it once that transaction commits.
 *
 * <p>Subjects carry references, never personal data.
 */
@Service
public class Notifications {

  private static final Locale LOCALE = Locale.UK;

  private final OutboxRepository outbox;
  private final MailTemplates templates;
  private final MessageSource messages;
  private final SiteProperties site;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  Notifications(OutboxRepository outbox, MailTemplates templates, MessageSource messages, SiteProperties site,
      ApplicationEventPublisher events, Clock clock) {
    this.outbox = outbox;
    this.templates = templates;
    this.messages = messages;
    this.site = site;
    this.events = events;
    this.clock = clock;
  }

  /**
   * Renders and queues one email. Must run inside the transaction of the step that causes it.
   *
   * @param about the story reference the email is about, so it can be erased with the story (or null)
   * @param template the template name under {@code templates/email/}
   * @param recipient the address; stored in the outbox only
   * @param model values for the templates; {@code baseUrl} is added
   * @param subjectArguments arguments of the subject message (e.g. the story reference)
   * @return the outbox row's id
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public Long queue(String about, String template, String recipient, Map<String, Object> model,
      Object... subjectArguments) {
    Rendered email = render(template, model, subjectArguments);
    OutboxMessage message = new OutboxMessage(about, template, recipient, email.subject(), email.text(), email.html(),
        Instant.now(clock));
    Long id = outbox.save(message).getId();
    events.publishEvent(new OutboxMessageQueued(id));
    return id;
  }

  /**
   * Erases every email about a story (sent, pending or failed): they hold the author's address and
   * may quote the story. Pending ones are therefore never sent.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public int erase(String about) {
    return outbox.deleteByAbout(about);
  }

  /**
   * Renders a queued or sent email again, in place, from its own template with a new model: a
   * digest that must no longer list a withdrawn story. Its delivery state stays as it is: a pending
   * one goes out as rewritten; of a sent one, only the rewritten text is kept.
   *
   * @return false when there is no such message (already erased)
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public boolean rewrite(Long messageId, Map<String, Object> model, Object... subjectArguments) {
    return outbox.findById(messageId).map(message -> {
      Rendered email = render(message.getTemplate(), model, subjectArguments);
      return outbox.rewrite(messageId, email.subject(), email.text(), email.html()) == 1;
    }).orElse(false);
  }

  /** Erases one email (sent, pending or failed); a pending one is therefore never sent. */
  @Transactional(propagation = Propagation.MANDATORY)
  public boolean erase(Long messageId) {
    return outbox.deleteMessage(messageId) == 1;
  }

  /**
   * Replaces a text (as written, and as HTML-escaped in the HTML part) with "[withdrawn]" in every
   * email of a template that contains it: for emails whose model is no longer known, such as
   * digests sent before they were linked to their items.
   *
   * @return how many emails were redacted
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public int redact(String template, String text) {
    String pattern = "%" + text.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    String replacement = messages.getMessage("email.redacted", null, LOCALE);
    String escaped = HtmlEscape.escapeHtml4Xml(text);
    String escapedReplacement = HtmlEscape.escapeHtml4Xml(replacement);
    int redacted = 0;
    for (OutboxMessage message : outbox.findByTemplateAndTextLike(template, pattern)) {
      redacted += outbox.rewrite(message.getId(), message.getSubject().replace(text, replacement),
          message.getTextBody().replace(text, replacement),
          message.getHtmlBody().replace(escaped, escapedReplacement).replace(text, replacement));
    }
    return redacted;
  }

  /**
   * Retention: deletes up to {@code batch} messages that were sent before the cutoff (they hold the
   * recipient's address and may quote a story). Pending and failed ones stay for the sender and
   * the operator.
   *
   * @return how many were deleted
   */
  @Transactional
  public int purgeSent(Instant cutoff, int batch) {
    List<Long> ids = outbox.findSentBefore(cutoff, Pageable.ofSize(batch));
    return ids.isEmpty() ? 0 : outbox.deleteMessages(ids);
  }

  /** An email held for an address, as a subject access request lists it (its text included). */
  public record HeldEmail(Long id, String about, String template, String subject, OutboxStatus status,
      Instant createdAt, Instant sentAt, String textBody) {}

  /** Every email held for an address (sent, pending or failed), oldest first. */
  @Transactional(readOnly = true)
  public List<HeldEmail> heldFor(String recipient) {
    return outbox.findToRecipient(recipient.strip()).stream()
        .map(m -> new HeldEmail(m.getId(), m.getAbout(), m.getTemplate(), m.getSubject(), m.getStatus(),
            m.getCreatedAt(), m.getSentAt(), m.getTextBody()))
        .toList();
  }

  /** Right to erasure: every email to an address goes, whatever its state (a pending one is never sent). */
  @Transactional(propagation = Propagation.MANDATORY)
  public int eraseAllTo(String recipient) {
    return outbox.deleteToRecipient(recipient.strip());
  }

  private Rendered render(String template, Map<String, Object> model, Object... subjectArguments) {
    Context context = new Context(LOCALE);
    context.setVariables(model);
    context.setVariable("baseUrl", site.publicBaseUrl());
    String subject = messages.getMessage("email." + template + ".subject", subjectArguments, LOCALE);
    return new Rendered(subject, templates.text(template, context), templates.html(template, context));
  }

  private record Rendered(String subject, String text, String html) {}
}
