package org.electionprep.readiness;

/**
 * Where a county's stations and officials stand: verified counts every station past the site visit and not rejected;
 * officials counts those invited to training, officialsTrained those who passed it.
 */
public record CountyFigures(int total, int verified, int unverified, int rejected, int ready, int fallbackBackup,
                            int fallbackPaper, int atRisk, int officials, int officialsTrained) {
}
