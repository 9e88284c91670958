package org.electionprep.station;

import static org.electionprep.shared.process.StationReadiness.ADDRESS;
import static org.electionprep.shared.process.StationReadiness.CAPACITY;
import static org.electionprep.shared.process.StationReadiness.DISTRICT_CODE;
import static org.electionprep.shared.process.StationReadiness.EXPECTED_VOTERS;
import static org.electionprep.shared.process.StationReadiness.PRIMARY_ENDPOINT;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.electionprep.shared.Texts;
import org.springframework.stereotype.Component;

/** The registry's rules for a station record that is fit to be verified on site. */
@Component
public class StationValidator {

    /** Why a probeable endpoint may still not be probed, in the officials' words. */
    public static final String NOT_ALLOWED = Texts.get("station.endpoint-not-allowed");

    private final EndpointPolicy endpoints;

    public StationValidator(EndpointPolicy endpoints) {
        this.endpoints = endpoints;
    }

    public List<RecordProblem> problems(Station station, List<NetworkLink> links) {
        List<RecordProblem> problems = new ArrayList<>();
        if (isBlank(station.name())) {
            problems.add(new RecordProblem("name", Texts.get("station.name-blank")));
        }
        if (isBlank(station.address())) {
            problems.add(new RecordProblem(ADDRESS.name(), Texts.get("station.address-blank")));
        }
        if (isBlank(station.districtCode())) {
            problems.add(new RecordProblem(DISTRICT_CODE.name(), Texts.get("station.district-missing")));
        } else if (station.districtCountyCode() == null) {
            problems.add(new RecordProblem(DISTRICT_CODE.name(),
                    Texts.get("station.district-unknown", station.districtCode())));
        } else if (!station.districtCountyCode().equals(station.countyCode())) {
            problems.add(new RecordProblem(DISTRICT_CODE.name(),
                    Texts.get("station.district-outside-county", station.districtCode())));
        }
        if (station.expectedVoters() == null || station.expectedVoters() <= 0) {
            problems.add(new RecordProblem(EXPECTED_VOTERS.name(), Texts.get("station.expected-voters-not-positive")));
        }
        if (station.capacity() == null || station.capacity() <= 0) {
            problems.add(new RecordProblem(CAPACITY.name(), Texts.get("station.capacity-not-positive")));
        }
        if (station.expectedVoters() != null && station.capacity() != null && station.capacity() > 0
                && station.expectedVoters() > station.capacity()) {
            problems.add(new RecordProblem(EXPECTED_VOTERS.name(), Texts.get("station.expected-voters-over-capacity",
                    station.expectedVoters(), station.capacity())));
        }
        NetworkLink primary = links.stream().filter(l -> l.isPrimary() && l.active()).findFirst().orElse(null);
        if (primary == null) {
            problems.add(new RecordProblem(PRIMARY_ENDPOINT.name(), Texts.get("station.primary-link-missing")));
        } else if (!isProbeable(primary.endpoint())) {
            problems.add(new RecordProblem(PRIMARY_ENDPOINT.name(),
                    Texts.get("station.primary-endpoint-not-probeable")));
        } else if (endpoints.refusal(primary.endpoint()).isPresent()) {
            problems.add(new RecordProblem(PRIMARY_ENDPOINT.name(),
                    Texts.get("station.primary-endpoint-refused", NOT_ALLOWED)));
        }
        return problems;
    }

    /** Whether an endpoint lies outside the allowed networks or points at the app itself ({@link EndpointPolicy}). */
    public boolean refuses(String endpoint) {
        return endpoints.refusal(endpoint).isPresent();
    }

    public static boolean isProbeable(String endpoint) {
        if (isBlank(endpoint)) {
            return false;
        }
        try {
            URI uri = URI.create(endpoint.trim());
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
