package org.electionprep.identity;

import java.util.List;

import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Runs the start-up seeding once the engine has deployed the models: access first, then whatever the active
 * profile adds (demo users and data), in their declared order.
 */
@Component
public class StartupSeeding {

    private final AccessSeeder access;
    private final List<ProfileSeeder> profileSeeders;

    public StartupSeeding(AccessSeeder access, List<ProfileSeeder> profileSeeders) {
        this.access = access;
        this.profileSeeders = profileSeeders;
    }

    @EventListener
    public void onPostDeploy(PostDeployEvent event) {
        access.seed();
        profileSeeders.forEach(ProfileSeeder::seed);
    }
}
