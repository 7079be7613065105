package org.carevoice.publicapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.carevoice.LowRateLimitsTest;
import org.carevoice.story.TestStories;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The API's rate limit per client address, with a capacity of 3 an hour ({@link LowRateLimitsTest}:
 * the shared context has limits too high to reach).
 */
@LowRateLimitsTest
class ApiRateLimitTest {

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper objectMapper;
  @Autowired JdbcTemplate jdbc;

  @Test
  void theFourthRequestFromOneAddress_is429WithRetryAfter_otherAddressesAndPagesAreUnaffected() throws Exception {
    RequestPostProcessor reader = from("203.0.113.7");
    mvc.perform(get("/api/v1/tags").with(reader)).andExpect(status().isOk());
    mvc.perform(get("/api/v1/services").with(reader)).andExpect(status().isOk());
    mvc.perform(get("/api/v1/stories").with(reader)).andExpect(status().isOk());

    String retryAfter = mvc.perform(get("/api/v1/stories").with(reader))
        .andExpect(status().isTooManyRequests())
        .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
        .andExpect(jsonPath("$.status").value(429))
        .andExpect(jsonPath("$.detail", startsWith("Too many requests from your address. Try again in")))
        .andReturn().getResponse().getHeader("Retry-After");
    // One request's worth of an hour shared by three: 20 minutes.
    assertThat(Long.parseLong(retryAfter)).isBetween(1_100L, 1_200L);

    // Counted before signing in: no password guessing past the limit either.
    mvc.perform(post("/api/v1/stories").with(reader).contentType(MediaType.APPLICATION_JSON).content("{}"))
        .andExpect(status().isTooManyRequests());

    mvc.perform(get("/api/v1/tags").with(from("198.51.100.20"))).andExpect(status().isOk());
    mvc.perform(get("/v3/api-docs").with(reader)).andExpect(status().isOk());
    mvc.perform(get("/stories").with(reader)).andExpect(status().isOk());
  }

  /**
   * docs/operations.md: new stories per hour from one address, "web form and API". Staff entering
   * phone and paper stories count against it too (2 an hour here): a stolen staff password cannot
   * flood moderation from one address.
   */
  @Test
  void staffEntry_theThirdStoryFromOneAddressInAnHour_is429AndNotStored() throws Exception {
    String marker = UUID.randomUUID().toString();
    RequestPostProcessor office = from("203.0.113.30");
    mvc.perform(staffStory(marker).with(office)).andExpect(status().isCreated());
    mvc.perform(staffStory(marker).with(office)).andExpect(status().isCreated());

    String retryAfter = mvc.perform(staffStory(marker).with(office))
        .andExpect(status().isTooManyRequests())
        .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
        .andExpect(jsonPath("$.status").value(429))
        .andExpect(jsonPath("$.detail", startsWith("Too many requests from your address. Try again in")))
        .andReturn().getResponse().getHeader("Retry-After");
    // Half an hour until the bucket of two an hour has room again.
    assertThat(Long.parseLong(retryAfter)).isBetween(1_700L, 1_800L);
    assertThat(storiesWith(marker)).isEqualTo(2);

    // Another address (another office) is not held up.
    mvc.perform(staffStory(marker).with(from("198.51.100.30"))).andExpect(status().isCreated());
    assertThat(storiesWith(marker)).isEqualTo(3);
  }

  /** The identifier scan is part of the API: the fourth scan from one address in an hour is refused. */
  @Test
  void identifierScan_theFourthFromOneAddress_is429WithRetryAfter() throws Exception {
    RequestPostProcessor office = from("203.0.113.31");
    for (int i = 0; i < 3; i++) {
      mvc.perform(scan().with(office)).andExpect(status().isOk());
    }
    mvc.perform(scan().with(office))
        .andExpect(status().isTooManyRequests())
        .andExpect(header().string("Retry-After", org.hamcrest.Matchers.matchesPattern("\\d+")))
        .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
        .andExpect(jsonPath("$.detail", startsWith("Too many requests from your address.")));
    mvc.perform(scan().with(from("198.51.100.31"))).andExpect(status().isOk());
  }

  private MockHttpServletRequestBuilder staffStory(String marker) throws Exception {
    Map<String, Object> story = new LinkedHashMap<>();
    story.put("title", "Paper story " + marker);
    story.put("text", TestStories.BODY + " Sent on paper, " + marker + ".");
    story.put("pseudonym", "Told on paper");
    story.put("relationship", "PATIENT");
    story.put("happenedIn", YearMonth.now().minusMonths(1).toString());
    story.put("services", List.of("hairmyres-emergency-department"));
    story.put("channel", "PAPER");
    story.put("consent", true);
    return post("/api/v1/stories").with(httpBasic("morag", "demo"))
        .contentType(MediaType.APPLICATION_JSON).content(objectMapper.writeValueAsString(story));
  }

  private static MockHttpServletRequestBuilder scan() {
    return post("/api/v1/anonymisation/scan").with(httpBasic("iain", "demo"))
        .contentType(MediaType.APPLICATION_JSON).content("{\"text\": \"Thanks to Dr Campbell.\"}");
  }

  private long storiesWith(String marker) {
    return jdbc.queryForObject("select count(*) from story where title = ?", Long.class, "Paper story " + marker);
  }

  private static RequestPostProcessor from(String address) {
    return request -> {
      request.setRemoteAddr(address);
      return request;
    };
  }
}
