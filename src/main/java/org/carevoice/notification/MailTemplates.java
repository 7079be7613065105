package org.carevoice.notification;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/** Renders the HTML and plain-text parts of an email from {@code templates/email/}. */
@Component
class MailTemplates {

  private final SpringTemplateEngine html;
  private final SpringTemplateEngine text;

  MailTemplates(MessageSource messages) {
    this.html = engine(TemplateMode.HTML, ".html", messages);
    this.text = engine(TemplateMode.TEXT, ".txt", messages);
  }

  String html(String template, Context context) {
    return html.process(template, context);
  }

  String text(String template, Context context) {
    return text.process(template, context);
  }

  private static SpringTemplateEngine engine(TemplateMode mode, String suffix, MessageSource messages) {
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(MailTemplates.class.getClassLoader());
    resolver.setPrefix("templates/email/");
    resolver.setSuffix(suffix);
    resolver.setTemplateMode(mode);
    resolver.setCharacterEncoding("UTF-8");
    resolver.setCacheable(true);
    SpringTemplateEngine engine = new SpringTemplateEngine();
    engine.setTemplateResolver(resolver);
    engine.setTemplateEngineMessageSource(messages);
    return engine;
  }
}
