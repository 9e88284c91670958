package org.electionprep.county;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
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
    static final String ROOT = "classpath:county-processes/";
    static final String[] MODELS = {"county-readiness.bpmn", "milestone-escalation.bpmn"};

    private final RepositoryService repository;
    private final PathMatchingResourcePatternResolver resources = new PathMatchingResourcePatternResolver();

    public CountyProcessDeployment(RepositoryService repository) {
        this.repository = repository;
    }

    public void deployFor(String county) {
        DeploymentBuilder deployment = repository.createDeployment().name("county-readiness-" + county)
                .tenantId(county).source("election-prep").enableDuplicateFiltering(false);
        try {
            for (String model : MODELS) {
                deployment.addInputStream(model, open(resources.getResource(ROOT + model)));
            }
            // Their forms go along: a tenant's model looks for its forms in its own tenant.
            for (Resource form : resources.getResources(ROOT + "forms/*.form")) {
                deployment.addInputStream("forms/" + form.getFilename(), open(form));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        deployment.deploy();
    }

    /** Whether the county's tenant has its county-readiness model, which a region's call needs. */
    public boolean isDeployedFor(String county) {
        return repository.createProcessDefinitionQuery().processDefinitionKey("county-readiness").tenantIdIn(county)
                .count() > 0;
    }

    private static InputStream open(Resource resource) throws IOException {
        return resource.getInputStream();
    }
}
