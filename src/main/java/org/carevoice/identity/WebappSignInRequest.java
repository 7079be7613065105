package org.carevoice.identity;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The Camunda webapps' sign-in request, its small form body read once to learn the user name and
 * then handed on unchanged to Camunda's JAX-RS resource. Reading it through {@code getParameter}
 * instead would leave Jersey an empty body (it then falls back to the parameters, with a warning
 * in the log for every sign-in).
 */
final class WebappSignInRequest extends HttpServletRequestWrapper {

  /** A sign-in form is a few dozen bytes. */
  static final int MAX_BODY = 8 * 1024;

  private final byte[] body;
  private final String username;

  private WebappSignInRequest(HttpServletRequest request, byte[] body, String username) {
    super(request);
    this.body = body;
    this.username = username;
  }

  /**
   * Reads the body of a form (whatever its Content-Length says, chunked too); other bodies are
   * passed on unread, as they carry no user name for Camunda's resource either.
   *
   * @return the request to hand on, or null when the body is larger than any sign-in form
   */
  static WebappSignInRequest read(HttpServletRequest request) throws IOException {
    String type = request.getContentType();
    if (type == null || !type.strip().toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
      return new WebappSignInRequest(request, null, "");
    }
    byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
    if (body.length > MAX_BODY) {
      return null;
    }
    return new WebappSignInRequest(request, body, usernameIn(body, charsetOf(request)));
  }

  String username() {
    return username;
  }

  @Override
  public ServletInputStream getInputStream() throws IOException {
    if (body == null) {
      return super.getInputStream();
    }
    ByteArrayInputStream in = new ByteArrayInputStream(body);
    return new ServletInputStream() {
      @Override
      public int read() {
        return in.read();
      }

      @Override
      public int read(byte[] buffer, int offset, int length) {
        return in.read(buffer, offset, length);
      }

      @Override
      public boolean isFinished() {
        return in.available() == 0;
      }

      @Override
      public boolean isReady() {
        return true;
      }

      @Override
      public void setReadListener(ReadListener listener) {
        throw new UnsupportedOperationException("The sign-in body is read synchronously");
      }
    };
  }

  @Override
  public BufferedReader getReader() throws IOException {
    if (body == null) {
      return super.getReader();
    }
    return new BufferedReader(new InputStreamReader(getInputStream(), charsetOf(this)));
  }

  private static String usernameIn(byte[] body, Charset charset) {
    for (String field : new String(body, charset).split("&")) {
      int equals = field.indexOf('=');
      String name = equals < 0 ? field : field.substring(0, equals);
      if ("username".equals(name)) {
        try {
          return URLDecoder.decode(equals < 0 ? "" : field.substring(equals + 1), charset);
        } catch (IllegalArgumentException e) {
          return "";
        }
      }
    }
    return "";
  }

  private static Charset charsetOf(HttpServletRequest request) {
    try {
      String encoding = request.getCharacterEncoding();
      return encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
    } catch (RuntimeException e) {
      return StandardCharsets.UTF_8;
    }
  }
}
