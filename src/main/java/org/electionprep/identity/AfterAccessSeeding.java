package org.electionprep.identity;

/**
 * Start-up work of other capabilities that builds on access.yml's places and must be done before the profile's
 * seeders run (the counties in the registry, their models deployed in their tenants).
 */
public interface AfterAccessSeeding {

    void afterAccessSeeding();
}
