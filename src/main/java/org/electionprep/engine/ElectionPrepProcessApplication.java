package org.electionprep.engine;

import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.spring.boot.starter.SpringBootProcessApplication;
import org.springframework.stereotype.Component;

/**
 * The process application (what {@code @EnableProcessApplication} would register), deploying the shared models of
 * {@code classpath:processes} as its archive {@code election-prep} (META-INF/processes.xml) and then publishing the
 * post-deploy event that start-up work listens to. The models are added here rather than by the archive's scan, which
 * finds nothing inside the packaged jar; the county-level models are deployed per county tenant instead.
 */
@Component
public class ElectionPrepProcessApplication extends SpringBootProcessApplication {

    static final String FOLDER = "processes";

    private final ClasspathModels models;

    public ElectionPrepProcessApplication(ClasspathModels models) {
        this.models = models;
    }

    @Override
    public void createDeployment(String processArchiveName, DeploymentBuilder deployment) {
        models.addTo(deployment, FOLDER);
    }
}
