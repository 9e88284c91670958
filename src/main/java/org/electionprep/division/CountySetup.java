package org.electionprep.division;

import org.electionprep.identity.AccessProperties;
import org.electionprep.identity.AfterAccessSeeding;
import org.springframework.stereotype.Component;

/**
 * Brings access.yml's counties into the registry and deploys their county-level models in their tenants, at every
 * start; a county already there keeps its row, an unchanged model is not deployed again.
 */
@Component
public class CountySetup implements AfterAccessSeeding {

    private final AccessProperties access;
    private final CountyRegistry counties;
    private final CountyProcessDeployment deployment;

    public CountySetup(AccessProperties access, CountyRegistry counties, CountyProcessDeployment deployment) {
        this.access = access;
        this.counties = counties;
        this.deployment = deployment;
    }

    @Override
    public void afterAccessSeeding() {
        for (AccessProperties.Place county : access.counties()) {
            counties.ensure(county.code(), county.name(), access.province().code());
            deployment.deployFor(county.code());
        }
    }
}
