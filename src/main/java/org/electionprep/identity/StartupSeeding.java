package org.electionprep.identity;

import java.util.List;

import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Runs the start-up work once the engine has deployed the models: the access policy first, then what the
 * capabilities build on it ({@link AfterAccessSeeding}: every place's tenant, groups and grants, the counties'
 * models), then whatever the active profile
 * adds (demo users and data), in their declared order, then what other capabilities do after it ({@link AfterSeeding}:
 * the station pipelines an interrupted import left).
 */
@Component
public class StartupSeeding {

    private final AccessSeeder access;
    private final List<AfterAccessSeeding> afterAccess;
    private final List<ProfileSeeder> profileSeeders;
    private final List<AfterSeeding> after;

    public StartupSeeding(AccessSeeder access, List<AfterAccessSeeding> afterAccess, List<ProfileSeeder> profileSeeders,
                          List<AfterSeeding> after) {
        this.access = access;
        this.afterAccess = afterAccess;
        this.profileSeeders = profileSeeders;
        this.after = after;
    }

    @EventListener
    public void onPostDeploy(PostDeployEvent event) {
        access.seedPolicy();
        afterAccess.forEach(AfterAccessSeeding::afterAccessSeeding);
        profileSeeders.forEach(ProfileSeeder::seed);
        after.forEach(AfterSeeding::afterSeeding);
    }
}
