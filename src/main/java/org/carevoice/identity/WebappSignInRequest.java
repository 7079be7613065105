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
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
  private Map<String, String[]> parameters;

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

  /**
   * The form's fields from the body read here, with those of the query string, so that filters
   * after this one (e.g. the check for control characters) see what Camunda's resource will see.
   */
  @Override
  public Map<String, String[]> getParameterMap() {
    if (body == null) {
      return super.getParameterMap();
    }
    if (parameters == null) {
      Map<String, List<String>> fields = new LinkedHashMap<>();
      super.getParameterMap().forEach((name, values) -> fields.computeIfAbsent(name, n -> new ArrayList<>())
          .addAll(List.of(values)));
      formFields(body, charsetOf(this)).forEach(field ->
          fields.computeIfAbsent(field.getKey(), n -> new ArrayList<>()).add(field.getValue()));
      Map<String, String[]> map = new LinkedHashMap<>();
      fields.forEach((name, values) -> map.put(name, values.toArray(String[]::new)));
      parameters = Collections.unmodifiableMap(map);
    }
    return parameters;
  }

  @Override
  public String getParameter(String name) {
    String[] values = getParameterMap().get(name);
    return values == null || values.length == 0 ? null : values[0];
  }

  @Override
  public String[] getParameterValues(String name) {
    return getParameterMap().get(name);
  }

  @Override
  public Enumeration<String> getParameterNames() {
    return Collections.enumeration(getParameterMap().keySet());
  }

  private static String usernameIn(byte[] body, Charset charset) {
    return formFields(body, charset).stream().filter(field -> field.getKey().equals("username"))
        .map(Map.Entry::getValue).findFirst().orElse("");
  }

  /** The fields of a form body, in order; a field that cannot be decoded counts as empty. */
  private static List<Map.Entry<String, String>> formFields(byte[] body, Charset charset) {
    List<Map.Entry<String, String>> fields = new ArrayList<>();
    for (String field : new String(body, charset).split("&")) {
      if (field.isEmpty()) {
        continue;
      }
      int equals = field.indexOf('=');
      fields.add(Map.entry(decode(equals < 0 ? field : field.substring(0, equals), charset),
          decode(equals < 0 ? "" : field.substring(equals + 1), charset)));
    }
    return fields;
  }

  private static String decode(String text, Charset charset) {
    try {
      return URLDecoder.decode(text, charset);
    } catch (IllegalArgumentException e) {
      return "";
    }
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
