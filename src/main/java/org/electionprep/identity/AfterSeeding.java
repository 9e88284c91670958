package org.electionprep.identity;

/**
 * Start-up work of other capabilities that needs the access and profile seeding done first (the station pipelines an
 * interrupted import left): they declare it here instead of the seeding reaching into them.
 */
public interface AfterSeeding {

    void afterSeeding();
}
