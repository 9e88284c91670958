package org.electionprep.station;

import static org.electionprep.shared.process.StationReadiness.ADDRESS;
import static org.electionprep.shared.process.StationReadiness.CAPACITY;
import static org.electionprep.shared.process.StationReadiness.DISTRICT_CODE;
import static org.electionprep.shared.process.StationReadiness.EXPECTED_VOTERS;
import static org.electionprep.shared.process.StationReadiness.PRIMARY_ENDPOINT;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

/** The registry's rules for a station record that is fit to be verified on site. */
@Component
public class StationValidator {

    /** Why a probeable endpoint may still not be probed, in the officials' words. */
    public static final String NOT_ALLOWED = "این نشانی بیرون از شبکه‌های مجاز ارتباط شعب است یا به خود سامانه اشاره می‌کند";

    private final EndpointPolicy endpoints;

    public StationValidator(EndpointPolicy endpoints) {
        this.endpoints = endpoints;
    }

    public List<RecordProblem> problems(Station station, List<NetworkLink> links) {
        List<RecordProblem> problems = new ArrayList<>();
        if (isBlank(station.name())) {
            problems.add(new RecordProblem("name", "نام شعبه خالی است"));
        }
        if (isBlank(station.address())) {
            problems.add(new RecordProblem(ADDRESS.name(), "نشانی شعبه خالی است"));
        }
        if (isBlank(station.districtCode())) {
            problems.add(new RecordProblem(DISTRICT_CODE.name(), "بخش شعبه تعیین نشده است"));
        } else if (station.districtCountyCode() == null) {
            problems.add(new RecordProblem(DISTRICT_CODE.name(),
                    "بخش «" + station.districtCode() + "» در بانک اطلاعاتی نیست"));
        } else if (!station.districtCountyCode().equals(station.countyCode())) {
            problems.add(new RecordProblem(DISTRICT_CODE.name(),
                    "بخش «" + station.districtCode() + "» در شهرستان این شعبه نیست"));
        }
        if (station.expectedVoters() == null || station.expectedVoters() <= 0) {
            problems.add(new RecordProblem(EXPECTED_VOTERS.name(), "تعداد واجدین شرایط باید عددی مثبت باشد"));
        }
        if (station.capacity() == null || station.capacity() <= 0) {
            problems.add(new RecordProblem(CAPACITY.name(), "ظرفیت شعبه باید عددی مثبت باشد"));
        }
        if (station.expectedVoters() != null && station.capacity() != null && station.capacity() > 0
                && station.expectedVoters() > station.capacity()) {
            problems.add(new RecordProblem(EXPECTED_VOTERS.name(), "تعداد واجدین شرایط (" + station.expectedVoters()
                    + ") از ظرفیت شعبه (" + station.capacity() + ") بیشتر است"));
        }
        NetworkLink primary = links.stream().filter(l -> l.isPrimary() && l.active()).findFirst().orElse(null);
        if (primary == null) {
            problems.add(new RecordProblem(PRIMARY_ENDPOINT.name(), "شعبه ارتباط اصلی ندارد"));
        } else if (!isProbeable(primary.endpoint())) {
            problems.add(new RecordProblem(PRIMARY_ENDPOINT.name(),
                    "نشانی آزمون ارتباط اصلی باید یک نشانی http یا https کامل باشد"));
        } else if (endpoints.refusal(primary.endpoint()).isPresent()) {
            problems.add(new RecordProblem(PRIMARY_ENDPOINT.name(),
                    "نشانی آزمون ارتباط اصلی پذیرفته نیست: " + NOT_ALLOWED));
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
