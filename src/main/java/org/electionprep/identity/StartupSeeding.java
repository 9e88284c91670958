package org.electionprep.identity;

import java.util.List;

import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.electionprep.integration.PipelineStarter;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Runs the start-up work once the engine has deployed the models: access first, then whatever the active profile
 * adds (demo users and data), in their declared order, then the station pipelines an interrupted import left.
 */
@Component
public class StartupSeeding {

    private final AccessSeeder access;
    private final List<ProfileSeeder> profileSeeders;
    private final PipelineStarter pipelines;

    public StartupSeeding(AccessSeeder access, List<ProfileSeeder> profileSeeders, PipelineStarter pipelines) {
        this.access = access;
        this.profileSeeders = profileSeeders;
        this.pipelines = pipelines;
    }

    @EventListener
    public void onPostDeploy(PostDeployEvent event) {
        access.seed();
        profileSeeders.forEach(ProfileSeeder::seed);
        pipelines.resume();
    }
}
