package org.carevoice;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.carevoice.story.CaseDriver;
import org.carevoice.story.TestStories;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * As {@link CarevoiceTest}, with rate limits low enough to reach in a test: the public API takes 3
 * requests an hour from one address, the story form 2 stories an hour from one address and 1 a
 * day for one email address, and a member of staff may enter 3 stories an hour. Every test class that uses it shares this one second context, whose
 * engine has a name of its own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = {"camunda.bpm.process-engine-name=ratelimits",
    "carevoice.rate-limit.api.capacity=3", "carevoice.rate-limit.api.period=PT1H",
    "carevoice.rate-limit.submission-per-ip.capacity=2", "carevoice.rate-limit.submission-per-ip.period=PT1H",
    "carevoice.rate-limit.submission-per-email.capacity=1", "carevoice.rate-limit.submission-per-email.period=P1D",
    "carevoice.rate-limit.submission-per-staff.capacity=3", "carevoice.rate-limit.submission-per-staff.period=PT1H"})
@AutoConfigureMockMvc
@ActiveProfiles({"demo", "test"})
@Import({TestStories.class, CaseDriver.class})
public @interface LowRateLimitsTest {}
