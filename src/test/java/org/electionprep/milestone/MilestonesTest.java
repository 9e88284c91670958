package org.electionprep.milestone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MilestonesTest {

    private final Milestones milestones = new Milestones(
            new MilestoneProperties(ZoneId.of("Asia/Tehran"), Map.of("stations-verified", 60)));

    @ParameterizedTest
    @ValueSource(strings = {"1405/12/15", "۱۴۰۵/۱۲/۱۵", "١٤٠٥-١٢-١٥", "1405-12-15", "2027-03-06", "2027-03-06T00:00:00",
            " ۲۰۲۷-۰۳-۰۶ "})
    void aDayTypedInSolarHijriOrGregorianWithAnyDigitsIsTheSameDay(String typed) {
        assertThat(milestones.date(typed)).isEqualTo(LocalDate.of(2027, 3, 6));
    }

    @Test
    void theFirstDayOfTheSolarYearAndALeapDayAreConverted() {
        assertThat(milestones.date("1405/01/01")).isEqualTo(LocalDate.of(2026, 3, 21));
        assertThat(milestones.date("1403/12/30")).isEqualTo(LocalDate.of(2025, 3, 20));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1405/13/01", "1404/12/30", "tomorrow", "1405", "2027-02-30", "1405/12/151",
            "1405/12/15abc", "0001/01/01"})
    void anImpossibleDayIsRefusedWithAPersianMessage(String typed) {
        assertThatThrownBy(() -> milestones.date(typed)).isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("هجری شمسی");
    }

    @Test
    void aMilestoneFallsDueAtMidnightInTehran() {
        assertThat(milestones.due("2027-03-06", "stations-verified").toInstant())
                .isEqualTo(LocalDate.of(2027, 1, 5).atStartOfDay(ZoneId.of("Asia/Tehran")).toInstant());
    }
}
