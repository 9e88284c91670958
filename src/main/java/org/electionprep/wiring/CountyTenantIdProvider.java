package org.electionprep.wiring;

import static org.electionprep.shared.process.InstanceFacts.COUNTY_CODE;
import static org.electionprep.shared.process.InstanceFacts.STATION_CODE;
import static org.electionprep.shared.process.RegionalReadiness.COUNTIES;

import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.electionprep.division.CountyRegistry;
import org.electionprep.engine.Officials;
import org.electionprep.shared.process.CountyReadiness;
import org.electionprep.shared.process.RegionalReadiness;
import org.electionprep.shared.process.StationChangeApproval;
import org.electionprep.shared.process.StationReadiness;
import org.electionprep.shared.process.Values;
import org.electionprep.station.StationRegistry;
import org.springframework.stereotype.Component;

/**
 * Gives every instance its tenant, so that officials see only their county's work: a station process its station's
 * county (from the registry), a county process its county, a regional process the province, and the escalations a
 * county process calls their caller's county. A start that would leave an instance without a tenant is refused: it
 * would be visible to every county.
 */
@Component
public class CountyTenantIdProvider implements TenantIdProvider {

    private final StationRegistry registry;
    private final CountyRegistry counties;

    public CountyTenantIdProvider(StationRegistry registry, CountyRegistry counties) {
        this.registry = registry;
        this.counties = counties;
    }

    @Override
    public String provideTenantIdForProcessInstance(TenantIdProviderProcessInstanceContext ctx) {
        String key = ctx.getProcessDefinition().getKey();
        String tenant = switch (key) {
            case StationReadiness.KEY, StationChangeApproval.KEY -> stationCounty(ctx);
            case CountyReadiness.KEY -> county(ctx);
            // A region spans counties of one province: its work belongs to the province, whose tenant only that
            // province's groups share.
            case RegionalReadiness.KEY -> regionProvince(ctx);
            default -> {
                if (ctx.getSuperExecution() != null && ctx.getSuperExecution().getTenantId() != null) {
                    yield ctx.getSuperExecution().getTenantId();
                }
                throw new FormFieldValidationException("process", "'" + key
                        + "' is started only by the county and regional processes");
            }
        };
        mayStartIn(tenant, key);
        return tenant;
    }

    /**
     * A user who starts a process must belong to the tenant it will run in: a county's system cannot start another
     * county's station over REST, even with the grant to start station processes. The app's own starts run
     * without a user.
     */
    private static void mayStartIn(String tenant, String key) {
        Authentication auth = Officials.current().orElse(null);
        if (auth == null) {
            return;
        }
        if (auth.getTenantIds() == null || !auth.getTenantIds().contains(tenant)) {
            throw new AuthorizationException("User '" + auth.getUserId() + "' may not start '" + key
                    + "' in tenant '" + tenant + "'");
        }
    }

    private String stationCounty(TenantIdProviderProcessInstanceContext ctx) {
        // A refused start variable is a form-field validation error to the engine, which REST answers with 400.
        String stationCode = STATION_CODE.from(ctx.getVariables());
        if (stationCode == null || stationCode.isBlank()) {
            throw new FormFieldValidationException(STATION_CODE.name(), "Cannot start '"
                    + ctx.getProcessDefinition().getKey() + "': the variable 'stationCode' is required and must name"
                    + " a station of the registry");
        }
        return registry.countyOf(stationCode)
                .orElseThrow(() -> new FormFieldValidationException(STATION_CODE.name(), "Cannot start '"
                        + ctx.getProcessDefinition().getKey() + "': no station with code '" + stationCode
                        + "' in the registry"));
    }

    /** The province of a region's counties (the register step refuses counties of several provinces). */
    private String regionProvince(TenantIdProviderProcessInstanceContext ctx) {
        List<String> codes = Values.codes(COUNTIES.from(ctx.getVariables()));
        return codes.stream().map(counties::provinceOf).flatMap(Optional::stream).findFirst()
                .orElseThrow(() -> new FormFieldValidationException(COUNTIES.name(), "Cannot start '"
                        + RegionalReadiness.KEY + "': the variable '" + COUNTIES.name()
                        + "' must name counties of the registry, not " + codes));
    }

    /** The county of a county process: its countyCode, passed by the regional process's call or by the starter. */
    private String county(TenantIdProviderProcessInstanceContext ctx) {
        String county = COUNTY_CODE.from(ctx.getVariables());
        if (county == null && ctx.getSuperExecution() != null) {
            county = COUNTY_CODE.from(ctx.getSuperExecution());
        }
        if (county == null || !counties.exists(county)) {
            throw new FormFieldValidationException(COUNTY_CODE.name(), "Cannot start '" + CountyReadiness.KEY
                    + "': the variable '" + COUNTY_CODE.name() + "' must name a county of the registry, not '" + county
                    + "'");
        }
        return county;
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
