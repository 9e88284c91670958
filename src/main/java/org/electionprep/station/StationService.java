package org.electionprep.station;

import java.util.List;
import java.util.stream.Collectors;

import org.electionprep.division.CountyRegistry;
import org.electionprep.shared.AuditAction;
import org.electionprep.shared.PersianText;
import org.electionprep.shared.RejectedSubmissionException;
import org.electionprep.shared.Texts;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The registry-side work of the first steps of the pipeline: validation, corrections and site verification. */
@Service
@Transactional
public class StationService {

    private final StationRegistry registry;
    private final StationValidator validator;
    private final CountyRegistry counties;
    private final CountyProgress progress;
    private final NetworkLinks links;

    public StationService(StationRegistry registry, StationValidator validator, CountyRegistry counties,
                          CountyProgress progress, NetworkLinks links) {
        this.registry = registry;
        this.links = links;
        this.validator = validator;
        this.counties = counties;
        this.progress = progress;
    }

    public List<RecordProblem> validate(String code, AuditAction action) {
        Station station = registry.get(code);
        List<RecordProblem> problems = validator.problems(station, registry.links(code));
        registry.recordEvent(code,
                problems.isEmpty() ? StationEventType.RECORD_VALID : StationEventType.RECORD_INVALID, null, null, action,
                problems.isEmpty() ? null : problems.stream().map(RecordProblem::toString).collect(Collectors.joining("; ")));
        return problems;
    }

    public void correct(String code, RecordCorrection correction, AuditAction action) {
        Station station = registry.get(code);
        String district = blankToNull(correction.districtCode());
        if (district != null && !registry.districtExists(district)) {
            throw new RejectedSubmissionException(Texts.get("station.correction-district-unknown", district));
        }
        String endpoint = blankToNull(correction.primaryEndpoint());
        if (endpoint != null && !StationValidator.isProbeable(endpoint)) {
            throw new RejectedSubmissionException(Texts.get("station.primary-endpoint-not-probeable"));
        }
        if (endpoint != null && validator.refuses(endpoint)) {
            throw new RejectedSubmissionException(
                    Texts.get("station.primary-endpoint-refused", StationValidator.NOT_ALLOWED));
        }
        registry.updateRecord(code, blankToNull(correction.name()), blankToNull(correction.address()),
                blankToNull(correction.districtCode()), correction.expectedVoters(), correction.capacity());
        if (endpoint != null) {
            links.setPrimaryEndpoint(code, endpoint);
        }
        registry.recordEvent(code, StationEventType.RECORD_CORRECTED, station.status(), station.status(), action,
                "name=" + correction.name() + ", address=" + correction.address() + ", district="
                        + correction.districtCode() + ", expectedVoters=" + correction.expectedVoters()
                        + ", capacity=" + correction.capacity() + ", primaryEndpoint=" + correction.primaryEndpoint());
    }

    /**
     * Records the visit and reports it to the county. Answers whether the county's database was already finalized,
     * in which case an approved station needs the governor's approval to join it.
     */
    public boolean recordSiteVerification(String code, SiteVerification verification, AuditAction action) {
        String county = registry.get(code).countyCode();
        // The county first, then the station: the order every county-wide step takes its locks in.
        counties.lock(county);
        switch (verification.outcome()) {
            case APPROVE -> {
                if (!(verification.accessible() && verification.powerAvailable() && verification.secure()
                        && verification.capacityConfirmed())) {
                    throw new RejectedSubmissionException(Texts.get("station.site-approval-incomplete"));
                }
                registry.updateSiteFacts(code, true, true);
                registry.changeStatus(code, StationStatus.VERIFIED, action, notes(verification));
            }
            case RELOCATE -> {
                if (verification.newAddress() == null || verification.newAddress().isBlank()) {
                    throw new RejectedSubmissionException(Texts.get("station.relocation-address-required"));
                }
                registry.updateAddress(code, PersianText.normalize(verification.newAddress()));
                registry.changeStatus(code, StationStatus.RELOCATION_PENDING, action,
                        "new address: " + verification.newAddress().trim() + notesSuffix(verification));
            }
            case REJECT -> {
                if (verification.notes() == null || verification.notes().isBlank()) {
                    throw new RejectedSubmissionException(Texts.get("station.rejection-reason-required"));
                }
                registry.changeStatus(code, StationStatus.REJECTED, action, notes(verification));
                progress.stationSettled(county);
            }
        }
        if (verification.outcome() != SiteVerification.Outcome.RELOCATE) {
            progress.stationVerified(county);
        }
        return counties.isFinalized(county);
    }

    private static String notes(SiteVerification v) {
        return "accessible=" + v.accessible() + ", power=" + v.powerAvailable() + ", secure=" + v.secure()
                + ", capacityConfirmed=" + v.capacityConfirmed() + notesSuffix(v);
    }

    private static String notesSuffix(SiteVerification v) {
        return v.notes() == null || v.notes().isBlank() ? "" : "; notes: " + v.notes();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : PersianText.normalize(s);
    }
}
