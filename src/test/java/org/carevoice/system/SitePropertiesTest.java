package org.carevoice.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mock.env.MockEnvironment;

/** Links in emails: to the port the site serves, unless CAREVOICE_PUBLIC_URL (or its old name) says otherwise. */
class SitePropertiesTest {

  @Test
  void unset_linksGoToLocalhostAtTheConfiguredPort_thenAtThePortOpened() {
    SiteProperties site = new SiteProperties();
    site.setPublicBaseUrl("");
    site.setEnvironment(new MockEnvironment().withProperty("server.port", "8090"));
    assertThat(site.link("/my-story/abc")).isEqualTo("http://localhost:8090/my-story/abc");

    site.setEnvironment(new MockEnvironment());
    assertThat(site.publicBaseUrl()).isEqualTo("http://localhost:8080");
  }

  @Test
  void set_itWinsWithoutItsTrailingSlash() {
    SiteProperties site = new SiteProperties();
    site.setEnvironment(new MockEnvironment().withProperty("server.port", "8090"));
    site.setPublicBaseUrl("https://carevoice.example.scot/");
    assertThat(site.link("/stories/CV-2026-000001")).isEqualTo("https://carevoice.example.scot/stories/CV-2026-000001");
  }

  @Test
  void theEnvironmentNames_newNameWins_oldNameStillWorks_noneMeansUnset() throws IOException {
    assertThat(configured(Map.of())).isEmpty();
    assertThat(configured(Map.of("CAREVOICE_PUBLIC_BASE_URL", "https://old.example"))).isEqualTo("https://old.example");
    assertThat(configured(Map.of("CAREVOICE_PUBLIC_URL", "https://new.example",
        "CAREVOICE_PUBLIC_BASE_URL", "https://old.example"))).isEqualTo("https://new.example");
  }

  /** carevoice.public-base-url as application.yaml resolves it with these environment variables. */
  private static String configured(Map<String, Object> variables) throws IOException {
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
    environment.getPropertySources().addFirst(new MapPropertySource("variables", variables));
    new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yaml"))
        .forEach(environment.getPropertySources()::addLast);
    return environment.getProperty("carevoice.public-base-url");
  }
}
