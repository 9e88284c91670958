package org.electionprep.station;

public class UnknownStationException extends RuntimeException {

    public UnknownStationException(String stationCode) {
        super("No station with code '" + stationCode + "' in the registry");
    }
}
