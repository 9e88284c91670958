package org.electionprep.identity;

/** Seeding that belongs to one profile (the demo's users and data); runs after the access seeding. Order with @Order. */
public interface ProfileSeeder {

    void seed();
}
