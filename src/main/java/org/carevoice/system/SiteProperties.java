package org.carevoice.system;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Where the public site is reached, for links in emails, CSV files and the API's description.
 *
 * <p>{@code carevoice.public-base-url} ({@code CAREVOICE_PUBLIC_URL}, or its older name
 * {@code CAREVOICE_PUBLIC_BASE_URL}) names it behind a proxy or a domain name. Unset, it is this
 * node itself, {@code http://localhost:<port>} (or {@code server.address}), with the port the web
 * server actually opened: {@code --server.port=8090} gives links to 8090.
 */
@ConfigurationProperties("carevoice")
public class SiteProperties implements EnvironmentAware, ApplicationListener<WebServerInitializedEvent> {

  private static final int DEFAULT_PORT = 8080;

  /** As configured; blank: unset. */
  private String publicBaseUrl;
  private String host = "localhost";
  private volatile String served = "http://localhost:" + DEFAULT_PORT;

  public void setPublicBaseUrl(String publicBaseUrl) {
    this.publicBaseUrl = publicBaseUrl;
  }

  /** Until the web server has started (or without one, in tests), the configured port. */
  @Override
  public void setEnvironment(Environment environment) {
    String address = environment.getProperty("server.address", "");
    if (!address.isBlank() && !"0.0.0.0".equals(address) && !"::".equals(address)) {
      host = address.contains(":") ? "[" + address + "]" : address;
    }
    int port = environment.getProperty("server.port", Integer.class, DEFAULT_PORT);
    served = "http://" + host + ":" + (port > 0 ? port : DEFAULT_PORT);
  }

  /** The port the site's web server opened (not the management server's, if it has its own). */
  @Override
  public void onApplicationEvent(WebServerInitializedEvent event) {
    if (!"management".equals(event.getApplicationContext().getServerNamespace())) {
      served = "http://" + host + ":" + event.getWebServer().getPort();
    }
  }

  /** The base of every absolute link, without a trailing slash. */
  public String publicBaseUrl() {
    String base = publicBaseUrl == null || publicBaseUrl.isBlank() ? served : publicBaseUrl.strip();
    return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
  }

  /** An absolute link to a path of this site, e.g. {@code link("/stories/CV-2026-000001")}. */
  public String link(String path) {
    return publicBaseUrl() + path;
  }
}
