package org.electionprep.station;

/** One polling station (شعبه اخذ رأی) as the registry holds it. */
public record Station(
        String code,
        String name,
        String countyCode,
        String districtCode,
        String districtCountyCode,
        String kind,
        String area,
        String building,
        String address,
        Integer expectedVoters,
        Integer capacity,
        StationStatus status) {
}
