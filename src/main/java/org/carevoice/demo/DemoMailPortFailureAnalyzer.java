package org.carevoice.demo;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * When the demo's mail catcher can open no port at all, start-up ends with Spring Boot's short
 * "APPLICATION FAILED TO START" description naming the setting to change, not a stack trace.
 */
class DemoMailPortFailureAnalyzer extends AbstractFailureAnalyzer<DemoMailCapture.DemoMailPortException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, DemoMailCapture.DemoMailPortException cause) {
    return new FailureAnalysis(
        "The demo mail capture could not listen on 127.0.0.1:" + cause.port + " nor on any free port.",
        "Set CAREVOICE_DEMO_SMTP_PORT to a free port, or CAREVOICE_DEMO_MAIL_CAPTURE=false with CAREVOICE_SMTP_HOST"
            + " and CAREVOICE_SMTP_PORT naming another mail server.",
        cause);
  }
}
