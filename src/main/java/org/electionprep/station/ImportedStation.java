package org.electionprep.station;

import java.math.BigDecimal;

/** One valid row of an import, normalised: Persian text rules applied, digits ASCII, codes upper case. */
public record ImportedStation(long line, String code, String name, String county, String district, String kind,
                              String area, String building, String address, BigDecimal latitude, BigDecimal longitude,
                              Integer expectedVoters, Integer capacity, Link primary, Link backup) {

    /** A link of the station as the master list gives it. */
    public record Link(String medium, String provider, String circuitId, String endpoint) {
    }
}
