package org.electionprep.identity;

/**
 * Start-up work of other capabilities that builds on access.yml's policy and must be done before the profile's
 * seeders run (every place's tenant, groups and grants, the counties' models deployed in their tenants).
 */
public interface AfterAccessSeeding {

    void afterAccessSeeding();
}
