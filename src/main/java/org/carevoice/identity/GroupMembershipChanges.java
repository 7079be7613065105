package org.carevoice.identity;

import java.util.ArrayList;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.cmd.CreateMembershipCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteGroupCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteMembershipCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteUserCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Empties {@link GroupMemberships} when the engine commits a change of who is in which group: a
 * membership created or deleted, a group or a user deleted, whoever made it (Camunda Admin, the
 * REST API, Carevoice's own set-up).
 */
@Configuration(proxyBeanMethods = false)
class GroupMembershipChanges {

  @Bean
  ProcessEnginePlugin groupMembershipChangesPlugin(GroupMemberships memberships) {
    return new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostCommandInterceptorsTxRequired() == null) {
          configuration.setCustomPostCommandInterceptorsTxRequired(new ArrayList<>());
        }
        configuration.getCustomPostCommandInterceptorsTxRequired().add(new Interceptor(memberships));
      }
    };
  }

  private static final class Interceptor extends CommandInterceptor {

    private final GroupMemberships memberships;

    Interceptor(GroupMemberships memberships) {
      this.memberships = memberships;
    }

    @Override
    public <T> T execute(Command<T> command) {
      if (command instanceof CreateMembershipCmd || command instanceof DeleteMembershipCmd
          || command instanceof DeleteGroupCmd || command instanceof DeleteUserCmd) {
        Context.getCommandContext().getTransactionContext()
            .addTransactionListener(TransactionState.COMMITTED, context -> memberships.forgetAll());
      }
      return next.execute(command);
    }
  }
}
