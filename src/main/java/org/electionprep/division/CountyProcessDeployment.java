package org.electionprep.division;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.electionprep.engine.ClasspathModels;
import org.electionprep.shared.process.CountyReadiness;
import org.springframework.stereotype.Component;

/**
 * Deploys the county-level models once per county, in the county's tenant. A called instance takes the tenant of
 * its definition, or else its caller's, so a regional instance (province tenant) can only give its counties their own
 * tenants by calling definitions deployed for them; the regional model names the tenant with
 * {@code camunda:calledElementTenantId}. The escalations a county process calls resolve in the same tenant. Repeated
 * deployments of unchanged models are filtered out.
 */
@Component
public class CountyProcessDeployment {

    /** Where the build puts processes/county/ on the classpath, apart from the shared archive. */
    static final String FOLDER = "county-processes";

    private final RepositoryService repository;
    private final ClasspathModels models;

    public CountyProcessDeployment(RepositoryService repository, ClasspathModels models) {
        this.repository = repository;
        this.models = models;
    }

    public void deployFor(String county) {
        DeploymentBuilder deployment = repository.createDeployment().name("county-readiness-" + county)
                .tenantId(county).source("election-prep").enableDuplicateFiltering(false);
        // The forms go along: a tenant's model looks for its forms in its own tenant.
        models.addTo(deployment, FOLDER);
        deployment.deploy();
    }

    /** Whether the county's tenant has its county-readiness model, which a region's call needs. */
    public boolean isDeployedFor(String county) {
        return repository.createProcessDefinitionQuery().processDefinitionKey(CountyReadiness.KEY).tenantIdIn(county)
                .count() > 0;
    }
}
