package org.electionprep.engine;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.electionprep.station.StationRegistry;
import org.springframework.stereotype.Component;

/**
 * Gives every station process its county's tenant, looked up in the registry, so that officials see only their
 * county's work. A start without a known station is refused: an instance without a tenant would be visible to
 * every county.
 */
@Component
public class CountyTenantIdProvider implements TenantIdProvider {

    private final StationRegistry registry;

    public CountyTenantIdProvider(StationRegistry registry) {
        this.registry = registry;
    }

    @Override
    public String provideTenantIdForProcessInstance(TenantIdProviderProcessInstanceContext ctx) {
        if (ctx.getSuperExecution() != null && ctx.getSuperExecution().getTenantId() != null) {
            return ctx.getSuperExecution().getTenantId();
        }
        // A refused start variable is a form-field validation error to the engine, which REST answers with 400.
        Object stationCode = ctx.getVariables().get("stationCode");
        if (stationCode == null || stationCode.toString().isBlank()) {
            throw new FormFieldValidationException("stationCode", "Cannot start '" + ctx.getProcessDefinition().getKey()
                    + "': the variable 'stationCode' is required and must name a station of the registry");
        }
        return registry.countyOf(stationCode.toString())
                .orElseThrow(() -> new FormFieldValidationException("stationCode", "Cannot start '"
                        + ctx.getProcessDefinition().getKey() + "': no station with code '" + stationCode
                        + "' in the registry"));
    }

    @Override
    public String provideTenantIdForCaseInstance(TenantIdProviderCaseInstanceContext ctx) {
        throw new BadUserRequestException("Case instances are not used in this application");
    }

    @Override
    public String provideTenantIdForHistoricDecisionInstance(TenantIdProviderHistoricDecisionInstanceContext ctx) {
        return ctx.getExecution() != null ? ctx.getExecution().getTenantId() : null;
    }
}
