package org.carevoice.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, before Spring Security and the servlets, what is malformed at the level of HTTP, for
 * every path including Camunda's webapps (/camunda) and REST API (/engine-rest):
 *
 * <ul>
 *   <li>path parameters ({@code ;x=y}, also encoded): Spring's path parsing throws on them under
 *       a servlet mapped to a path (Camunda's), a 500 without this; 400;
 *   <li>a Content-Type that is not one media type (no subtype, empty, an unknown charset, a
 *       wildcard): 415 for the JSON APIs, 400 for pages;
 *   <li>on Camunda's paths, which our data binding does not reach, parameter names and values and
 *       HTTP Basic credentials that break {@link PlainText} (PostgreSQL refuses U+0000): 400.
 * </ul>
 */
class MalformedRequestFilter extends OncePerRequestFilter {

  private final BadRequests badRequests;

  MalformedRequestFilter(BadRequests badRequests) {
    this.badRequests = badRequests;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String uri = request.getRequestURI();
    if (uri.indexOf(';') >= 0 || uri.toLowerCase(Locale.ROOT).contains("%3b")) {
      badRequests.refuse(request, response, HttpStatus.BAD_REQUEST, "api.path.parameters");
      return;
    }
    String contentType = request.getContentType();
    if (contentType != null && !isOneMediaType(contentType)) {
      badRequests.refuse(request, response,
          BadRequests.isApi(request) ? HttpStatus.UNSUPPORTED_MEDIA_TYPE : HttpStatus.BAD_REQUEST,
          "api.contentType.invalid");
      return;
    }
    String path = uri.substring(request.getContextPath().length());
    if (path.startsWith("/camunda/") || path.startsWith("/engine-rest/")) {
      if (!plainCredentials(request.getHeader(HttpHeaders.AUTHORIZATION))) {
        badRequests.refuse(request, response, HttpStatus.BAD_REQUEST, "api.credentials.controlCharacter");
        return;
      }
      String refused = refusedParameter(request);
      if (refused != null) {
        badRequests.refuse(request, response, HttpStatus.BAD_REQUEST, "api.controlCharacter", refused);
        return;
      }
    }
    chain.doFilter(request, response);
  }

  static boolean isOneMediaType(String contentType) {
    try {
      MediaType type = MediaType.parseMediaType(contentType);
      return !type.isWildcardType() && !type.isWildcardSubtype();
    } catch (InvalidMediaTypeException e) {
      return false;
    }
  }

  private static boolean plainCredentials(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      return true;
    }
    try {
      return PlainText.isPlain(new String(Base64.getDecoder().decode(authorization.substring(6).strip()),
          StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      // not Base64: the authentication refuses it as it is
      return true;
    }
  }

  /** The first parameter whose name or a value breaks {@link PlainText}, or null. */
  private static String refusedParameter(HttpServletRequest request) {
    for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
      if (!PlainText.isPlain(parameter.getKey())) {
        return PlainText.visible(parameter.getKey());
      }
      for (String value : parameter.getValue()) {
        if (!PlainText.isPlain(value)) {
          return parameter.getKey();
        }
      }
    }
    return null;
  }
}
