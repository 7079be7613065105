package org.carevoice.demo;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/** The demo's mailbox: every email Carevoice sent, newest first, with its links clickable. */
@Controller
@Profile("demo")
class MailboxController {

  record MailView(int number, String to, String subject, String sent, String text, List<String> links) {}

  private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"]+");
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm:ss").withZone(ZoneId.of("Europe/London"));

  private final ObjectProvider<DemoMailCapture> capture;

  MailboxController(ObjectProvider<DemoMailCapture> capture) {
    this.capture = capture;
  }

  @GetMapping("/dev/mailbox")
  String mailbox(Model model) throws MessagingException, IOException {
    DemoMailCapture mail = capture.getIfAvailable();
    List<MailView> views = new ArrayList<>();
    if (mail != null) {
      List<MimeMessage> messages = mail.messages();
      for (int i = 0; i < messages.size(); i++) {
        views.add(view(messages.size() - i, messages.get(i)));
      }
    }
    model.addAttribute("captureOn", mail != null);
    model.addAttribute("messages", views);
    return "dev/mailbox";
  }

  @GetMapping("/dev/mailbox/{number}")
  String message(@PathVariable int number, Model model) throws MessagingException, IOException {
    DemoMailCapture mail = capture.getIfAvailable();
    List<MimeMessage> messages = mail == null ? List.of() : mail.messages();
    if (number < 1 || number > messages.size()) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    model.addAttribute("message", view(number, messages.get(messages.size() - number)));
    return "dev/message";
  }

  private static MailView view(int number, MimeMessage message) throws MessagingException, IOException {
    String text = textOf(message);
    Set<String> links = new LinkedHashSet<>();
    Matcher matcher = LINK.matcher(text);
    while (matcher.find()) {
      links.add(matcher.group());
    }
    String to = String.join(", ", java.util.Arrays.stream(message.getRecipients(Message.RecipientType.TO))
        .map(Object::toString).toList());
    String sent = message.getSentDate() == null ? "" : WHEN.format(message.getSentDate().toInstant());
    return new MailView(number, to, message.getSubject(), sent, text, List.copyOf(links));
  }

  /** The plain-text part: the HTML part says the same. */
  static String textOf(Part part) throws MessagingException, IOException {
    if (part.isMimeType("text/plain")) {
      return part.getContent().toString();
    }
    if (part.isMimeType("multipart/*")) {
      Multipart multipart = (Multipart) part.getContent();
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart body = multipart.getBodyPart(i);
        String text = textOf(body);
        if (!text.isEmpty()) {
          return text;
        }
      }
    }
    return "";
  }
}
