package org.electionprep.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NationalCodeTest {

    @ParameterizedTest
    @ValueSource(strings = {"2741112223", "۲۷۴۱۱۱۲۲۲۳", "٢٧٤١١١٢٢٢٣", " 274-111222-3 ", "274 111 222 3"})
    void aCodeInPersianArabicIndicOrLatinDigitsWithSpacesOrHyphensIsKeptAsTenLatinDigits(String written) {
        assertThat(NationalCode.parse(written).value()).isEqualTo("2741112223");
    }

    @Test
    void aCodeWhoseLeadingZerosASpreadsheetDroppedGetsThemBack() {
        assertThat(NationalCode.parse("12345679").value()).isEqualTo("0012345679");
        assertThat(NationalCode.parse("312456786").value()).isEqualTo("0312456786");
    }

    @Test
    void aCodeWhoseCheckDigitDoesNotMatchIsRefused() {
        assertThatThrownBy(() -> NationalCode.parse("1234567890")).isInstanceOf(InvalidValue.class)
                .hasMessageContaining("check digit");
        assertThat(NationalCode.parse("1234567891").value()).isEqualTo("1234567891");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0000000000", "1111111111", "۹۹۹۹۹۹۹۹۹۹"})
    void tenEqualDigitsPassTheCheckDigitButAreRefused(String written) {
        assertThatThrownBy(() -> NationalCode.parse(written)).isInstanceOf(InvalidValue.class)
                .hasMessageContaining("equal digits");
    }

    @Test
    void aCodeWhoseFourthToNinthDigitsAreZeroIsRefusedThoughItsCheckDigitMatches() {
        assertThatThrownBy(() -> NationalCode.parse("1230000003")).isInstanceOf(InvalidValue.class)
                .hasMessageContaining("never all zero");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1234567", "12345678901", "27411122a3", "2741112223.0", ""})
    void aCodeOfTheWrongLengthOrWithOtherSignsIsRefused(String written) {
        assertThatThrownBy(() -> NationalCode.parse(written)).isInstanceOf(InvalidValue.class);
    }

    @Test
    void aCodeShowsOnlyItsLastFourDigitsWhenMaskedOrLogged() {
        NationalCode code = NationalCode.parse("2741112223");

        assertThat(code.masked()).isEqualTo("******2223");
        assertThat(code.toString()).doesNotContain("274111");
    }
}
