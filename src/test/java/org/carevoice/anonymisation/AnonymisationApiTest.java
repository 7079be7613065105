package org.carevoice.anonymisation;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.carevoice.CarevoiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** POST /api/v1/anonymisation/scan, as staff call it (the test profile closes it as production does). */
@CarevoiceTest
class AnonymisationApiTest {

  @Autowired MockMvc mvc;

  @Test
  void staffGetFindingsWithOffsetsAndTheRedactedText() throws Exception {
    String text = "Thanks to Staff Nurse Jenny Brown. Call me on 07700 900123.";
    mvc.perform(scan("{\"text\": \"" + text + "\"}").with(httpBasic("morag", "demo")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.findings[0].type").value("PERSON_NAME"))
        .andExpect(jsonPath("$.findings[0].start").value(10))
        .andExpect(jsonPath("$.findings[0].end").value(33))
        .andExpect(jsonPath("$.findings[0].text").value("Staff Nurse Jenny Brown"))
        .andExpect(jsonPath("$.findings[0].confidence").isNumber())
        .andExpect(jsonPath("$.findings[1].type").value("PHONE"))
        .andExpect(jsonPath("$.findings[1].text").value("07700 900123"))
        .andExpect(jsonPath("$.redactedText").value("Thanks to Staff Nurse Jenny. Call me on [phone number removed]."));
  }

  @Test
  void withoutSigningIn_isUnauthorised() throws Exception {
    mvc.perform(scan("{\"text\": \"Dr Campbell\"}")).andExpect(status().isUnauthorized());
    mvc.perform(scan("{\"text\": \"Dr Campbell\"}").with(httpBasic("aileen", "wrong"))).andExpect(status().isUnauthorized());
  }

  @Test
  void missingMalformedOrOversizedText_getsAClearMessage() throws Exception {
    mvc.perform(scan("{}").with(httpBasic("iain", "demo")))
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail", containsString("Send the text")));
    mvc.perform(scan("{\"text\": \"   \"}").with(httpBasic("iain", "demo"))).andExpect(status().isBadRequest());
    mvc.perform(scan("{\"text\": ").with(httpBasic("iain", "demo")))
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail", containsString("not valid JSON")));
    mvc.perform(scan("{\"text\": \"" + "a".repeat(20_001) + "\"}").with(httpBasic("iain", "demo")))
        .andExpect(status().isPayloadTooLarge()).andExpect(jsonPath("$.detail", containsString("20000")));
  }

  private static MockHttpServletRequestBuilder scan(String json) {
    return post("/api/v1/anonymisation/scan").contentType(MediaType.APPLICATION_JSON).content(json);
  }
}
