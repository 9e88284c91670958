package org.electionprep.engine;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * Wires the county tenants, the lean task grants, the per-task role guard, task-scoped variable reads and the commands
 * open to officials into the engine.
 */
@Component
public class ElectionPrepEnginePlugin extends AbstractProcessEnginePlugin {

    private final TenantIdProvider tenantIdProvider;
    private final UserTaskHooks hooks;
    private final TaskCompletions completions;
    private final DataSource dataSource;

    public ElectionPrepEnginePlugin(TenantIdProvider tenantIdProvider, UserTaskHooks hooks,
                                    TaskCompletions completions, DataSource dataSource) {
        this.tenantIdProvider = tenantIdProvider;
        this.hooks = hooks;
        this.completions = completions;
        this.dataSource = dataSource;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl config) {
        config.setTenantIdProvider(tenantIdProvider);
        config.setResourceAuthorizationProvider(new NoPerTaskGroupGrants());
        if (config.getCustomPostBPMNParseListeners() == null) {
            config.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        config.getCustomPostBPMNParseListeners().add(new RecordTaskCompletions(new TaskCompletionRecorder(completions, hooks), hooks));
        if (config.getCustomSessionFactories() == null) {
            config.setCustomSessionFactories(new ArrayList<>());
        }
        config.getCustomSessionFactories().add(TaskScopedVariableReads.factory(new WorkableScopes(dataSource)));
        OfficialCommands officials = new OfficialCommands();
        config.setCustomPostCommandInterceptorsTxRequired(append(config.getCustomPostCommandInterceptorsTxRequired(),
                officials));
        config.setCustomPostCommandInterceptorsTxRequiresNew(append(
                config.getCustomPostCommandInterceptorsTxRequiresNew(), officials));
    }

    private static List<CommandInterceptor> append(List<CommandInterceptor> existing, CommandInterceptor interceptor) {
        List<CommandInterceptor> all = existing == null ? new ArrayList<>() : new ArrayList<>(existing);
        all.add(interceptor);
        return all;
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl config) {
        // First, so that a task of another county is refused as unauthorized (403) rather than as an engine error.
        config.getCommandCheckers().add(0, TaskRoleChecker.create());
    }
}
