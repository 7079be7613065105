package org.carevoice.system;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.webapp.impl.engine.EngineRestApplication;

/**
 * The webapps' engine API (/camunda/api/engine, which Tasklist calls) as Camunda defines it, with
 * {@link TaskInputExceptionMapper} added so that a task listener's refusal reaches Tasklist as 400.
 */
public class WebappEngineApiApplication extends EngineRestApplication {

  @Override
  public Set<Class<?>> getClasses() {
    return Stream.concat(super.getClasses().stream(), Stream.of(TaskInputExceptionMapper.class))
        .collect(Collectors.toSet());
  }
}
