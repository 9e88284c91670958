package org.electionprep.readiness;

/** Where a county's stations stand: verified counts every station past the site visit and not rejected. */
public record CountyFigures(int total, int verified, int unverified, int rejected, int ready, int fallbackBackup,
                            int fallbackPaper, int atRisk) {

    public int readyOrFallback() {
        return ready + fallbackBackup + fallbackPaper;
    }
}
