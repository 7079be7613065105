package org.carevoice.system;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param publicBaseUrl where the public site is reached, for links in emails (no trailing slash) */
@ConfigurationProperties("carevoice")
public record SiteProperties(String publicBaseUrl) {

  public SiteProperties {
    if (publicBaseUrl == null || publicBaseUrl.isBlank()) {
      publicBaseUrl = "http://localhost:8080";
    }
    publicBaseUrl = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
  }

  /** An absolute link to a path of this site, e.g. {@code link("/stories/CV-2026-000001")}. */
  public String link(String path) {
    return publicBaseUrl + path;
  }
}
