package org.carevoice.demo;

import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * An SMTP server on 127.0.0.1 that keeps every message in memory, so the zero-setup demo can send
 * real email and show it at /dev/mailbox. Demo profile only; production talks to a real server.
 *
 * <p>When its port ({@code CAREVOICE_DEMO_SMTP_PORT}, 3025) is taken by another program, it listens
 * on a free port instead, says so in one line, and points the application's mail sender there, so a
 * first run never stops on a port clash. Mail is kept in the order it arrived, whoever it is for.
 */
@Component
@Profile("demo")
@ConditionalOnProperty(name = "carevoice.demo.mail-capture.enabled", havingValue = "true")
class DemoMailCapture implements InitializingBean, DisposableBean {

  private static final Logger LOG = LoggerFactory.getLogger(DemoMailCapture.class);
  private static final String HOST = "127.0.0.1";

  private final int wantedPort;
  private final ObjectProvider<JavaMailSender> mailSender;
  /** Every message as it arrived (once, however many recipients it has); oldest first. */
  private final List<MimeMessage> arrived = new ArrayList<>();
  private final Set<MimeMessage> seen = Collections.newSetFromMap(new IdentityHashMap<>());
  private GreenMail greenMail;

  DemoMailCapture(DemoProperties properties, ObjectProvider<JavaMailSender> mailSender) {
    this.wantedPort = properties.mailCapture().port();
    this.mailSender = mailSender;
  }

  @Override
  public void afterPropertiesSet() {
    // Asked first: GreenMail's server thread would print a bare BindException for a port in use.
    greenMail = isFree(wantedPort) ? start(new ServerSetup(wantedPort, HOST, ServerSetup.PROTOCOL_SMTP)) : null;
    if (greenMail == null) {
      // Taken (by another program, or another Carevoice): any free port will do for a demo.
      greenMail = start(new ServerSetup(wantedPort, HOST, ServerSetup.PROTOCOL_SMTP).dynamicPort());
      if (greenMail == null) {
        throw new DemoMailPortException(wantedPort);
      }
    }
    int port = port();
    boolean redirected = port != wantedPort && followCapture(port);
    if (port == wantedPort) {
      LOG.info("Demo mail capture listening on {}:{}; read the mail at /dev/mailbox", HOST, port);
    } else {
      LOG.warn("Port {} is in use, so the demo mail capture listens on {}:{} instead{}; read the mail at /dev/mailbox"
          + " (CAREVOICE_DEMO_SMTP_PORT chooses the port)", wantedPort, HOST, port,
          redirected ? " and Carevoice sends its email there" : "");
    }
  }

  private static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(HOST, port));
      return true;
    } catch (IOException inUse) {
      return false;
    }
  }

  /** Started on {@code setup}, or null when its port could not be opened. */
  private GreenMail start(ServerSetup setup) {
    GreenMail candidate = new GreenMail(setup);
    MessageDeliveryHandler store = candidate.getUserManager().getMessageDeliveryHandler();
    candidate.getUserManager().setMessageDeliveryHandler((message, recipient) -> {
      keep(message.getMessage());
      return store.handle(message, recipient);
    });
    try {
      candidate.start();
      return candidate;
    } catch (RuntimeException portTaken) {
      // Taken between the check and the start: GreenMail reports it as an IllegalStateException.
      candidate.stop();
      return null;
    }
  }

  /**
   * Points the application's mail sender at {@code port} if it was sending to this catcher's wanted
   * port on this machine (the demo's default); a sender set to another server (Mailpit, say) stays.
   */
  private boolean followCapture(int port) {
    if (mailSender.getIfAvailable() instanceof JavaMailSenderImpl sender && sender.getPort() == wantedPort
        && sender.getHost() != null && Set.of("localhost", HOST, "::1").contains(sender.getHost())) {
      sender.setPort(port);
      return true;
    }
    return false;
  }

  private synchronized void keep(MimeMessage message) {
    if (seen.add(message)) {
      arrived.add(message);
    }
  }

  /** The port it listens on. */
  int port() {
    return greenMail.getSmtp().getPort();
  }

  @Override
  public void destroy() {
    if (greenMail != null) {
      greenMail.stop();
    }
  }

  /** Newest first, in the order they arrived (not grouped by recipient). */
  synchronized List<MimeMessage> messages() {
    List<MimeMessage> messages = new ArrayList<>(arrived);
    Collections.reverse(messages);
    return messages;
  }

  /** Neither the chosen port nor any free port could be opened on 127.0.0.1. */
  static final class DemoMailPortException extends RuntimeException {
    final int port;

    DemoMailPortException(int port) {
      super("The demo mail capture could not listen on 127.0.0.1:" + port + " or on any free port");
      this.port = port;
    }
  }
}
