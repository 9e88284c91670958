package org.electionprep.station;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.electionprep.shared.PersianText;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class StationValidatorTest {

    private final StationValidator validator = new StationValidator(
            new EndpointPolicy(new MockEnvironment().withProperty(EndpointPolicy.PROPERTY, "127.0.0.0/8")));
    private final NetworkLink primary = new NetworkLink(1, "S1", "PRIMARY", "FIBRE", "p", "S1-P",
            "http://127.0.0.1:9/health", true);

    @Test
    void aCompleteRecordHasNoProblems() {
        assertThat(validator.problems(station("ahvaz", "ahvaz", 500, 800), List.of(primary))).isEmpty();
    }

    @Test
    void moreExpectedVotersThanCapacityIsAProblemOfExpectedVoters() {
        assertThat(validator.problems(station("ahvaz", "ahvaz", 900, 800), List.of(primary)))
                .extracting(RecordProblem::field).containsExactly("expectedVoters");
    }

    @Test
    void aDistrictOfAnotherCountyIsAProblem() {
        assertThat(validator.problems(station("ahvaz", "karun", 500, 800), List.of(primary)))
                .extracting(RecordProblem::field).containsExactly("districtCode");
    }

    @Test
    void aStationWithoutAProbeablePrimaryLinkIsAProblem() {
        NetworkLink noEndpoint = new NetworkLink(1, "S1", "PRIMARY", "FIBRE", "p", "S1-P", "not a url", true);
        assertThat(validator.problems(station("ahvaz", "ahvaz", 500, 800), List.of(noEndpoint)))
                .extracting(RecordProblem::field).containsExactly("primaryEndpoint");
        assertThat(validator.problems(station("ahvaz", "ahvaz", 500, 800), List.of()))
                .extracting(RecordProblem::field).containsExactly("primaryEndpoint");
    }

    @Test
    void missingNumbersAndAddressAreEachReported() {
        Station bare = new Station("S1", "name", "ahvaz", "d1", "ahvaz", "FIXED", "URBAN", null, null, null, null,
                StationStatus.PROPOSED);
        assertThat(validator.problems(bare, List.of(primary))).extracting(RecordProblem::field)
                .containsExactlyInAnyOrder("address", "expectedVoters", "capacity");
    }

    @Test
    void persianAndArabicDigitsAndLettersAreNormalised() {
        assertThat(PersianText.normalize(" كوي ۱۲ و ٣٤ ")).isEqualTo("کوی 12 و 34");
        assertThat(PersianText.normalize("می\u200Cشود")).isEqualTo("می\u200Cشود");
    }

    private static Station station(String county, String districtCounty, int expected, int capacity) {
        return new Station("S1", "شعبه ۱", county, "d1", districtCounty, "FIXED", "URBAN", "مدرسه", "نشانی", expected,
                capacity, StationStatus.PROPOSED);
    }
}
