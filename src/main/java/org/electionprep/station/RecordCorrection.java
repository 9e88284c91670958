package org.electionprep.station;

/** What a district head submits to correct an invalid station record. */
public record RecordCorrection(String name, String address, String districtCode, Integer expectedVoters,
                               Integer capacity, String primaryEndpoint) {
}
