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
 * The whole application on an in-memory H2 with the demo data, the job executor off and SMTP
 * pointed at GreenMail's test port. Every test class that uses it shares one Spring context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
// Camunda keeps engines in a static registry by name: this context's engine must not take the
// name "default" from the engine behind the webapps of the tests that run a real server
// (and the starter ignores an engine name with a hyphen).
@SpringBootTest(properties = "camunda.bpm.process-engine-name=mockmvc")
@AutoConfigureMockMvc
@ActiveProfiles({"demo", "test"})
@Import({TestStories.class, CaseDriver.class})
public @interface CarevoiceTest {}
