package org.electionprep.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MobileNumberTest {

    @ParameterizedTest
    @ValueSource(strings = {"09121234567", "+989121234567", "00989121234567", "9121234567", "۰۹۱۲۱۲۳۴۵۶۷",
            "٠٩١٢١٢٣٤٥٦٧", "0912 123 4567", "+98 912-123-4567"})
    void aMobileNumberWrittenAnyOfTheWaysOfficialsWriteItIsKeptAs09Form(String written) {
        assertThat(MobileNumber.parse(written).value()).isEqualTo("09121234567");
    }

    @Test
    void anSmsGatewayGetsTheInternationalForm() {
        assertThat(MobileNumber.parse("09351234567").international()).isEqualTo("+989351234567");
    }

    @ParameterizedTest
    @ValueSource(strings = {"02112345678", "+982112345678"})
    void aLandlineIsRefused(String written) {
        assertThatThrownBy(() -> MobileNumber.parse(written)).isInstanceOf(InvalidValue.class)
                .hasMessageContaining("mobile");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0912123456", "091212345678", "+447911123456", "09121234abc", "phone", ""})
    void aNumberOfTheWrongLengthAForeignNumberOrTextIsRefused(String written) {
        assertThatThrownBy(() -> MobileNumber.parse(written)).isInstanceOf(InvalidValue.class);
    }

    @Test
    void aNumberShowsOnlyItsPrefixAndLastTwoDigitsWhenMaskedOrLogged() {
        MobileNumber number = MobileNumber.parse("09121234567");

        assertThat(number.masked()).isEqualTo("0912*****67");
        assertThat(number.toString()).doesNotContain("1234567");
    }
}
