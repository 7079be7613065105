package org.carevoice.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import org.carevoice.system.SiteProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.thymeleaf.context.Context;

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
    Context context = new Context(LOCALE);
    context.setVariables(model);
    context.setVariable("baseUrl", site.publicBaseUrl());
    String subject = messages.getMessage("email." + template + ".subject", subjectArguments, LOCALE);
    OutboxMessage message = new OutboxMessage(about, template, recipient, subject,
        templates.text(template, context), templates.html(template, context), Instant.now(clock));
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
}
