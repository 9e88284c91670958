package org.electionprep.shared.process;

/**
 * The identity every instance carries, written from the registry by the engine wiring (never taken from a
 * submission): a station's code, name and county; a county's region and election day.
 */
public final class InstanceFacts {

    /** The station's code, also the business key of its processes. */
    public static final Var<String> STATION_CODE = Var.text("stationCode");
    public static final Var<String> STATION_NAME = Var.text("stationName");
    public static final Var<String> COUNTY_CODE = Var.text("countyCode");
    public static final Var<String> COUNTY_NAME = Var.text("countyName");
    public static final Var<String> REGION_CODE = Var.text("regionCode");
    /** Election day: ISO text from the registry, or a date or Solar Hijri text from a start form. */
    public static final Var<Object> ELECTION_DATE = Var.value("electionDate");

    private InstanceFacts() {
    }
}
