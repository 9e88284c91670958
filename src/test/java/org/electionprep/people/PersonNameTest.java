package org.electionprep.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PersonNameTest {

    @Test
    void arabicYehAndKafBecomePersianAndRunsOfSpacesOne() {
        assertThat(PersonName.parse("  علي   كريمي ").value()).isEqualTo("علی کریمی");
    }

    @Test
    void aCompoundNameKeepsItsZeroWidthNonJoinerAndAHyphenatedOneItsHyphen() {
        assertThat(PersonName.parse("عبدالله\u200cزاده").value()).isEqualTo("عبدالله\u200cزاده");
        assertThat(PersonName.parse("Ali-Reza").value()).isEqualTo("Ali-Reza");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "علی۲", "Ali3", "علی@", "<script>"})
    void anEmptyNameOrOneWithDigitsOrSignsIsRefused(String written) {
        assertThatThrownBy(() -> PersonName.parse(written)).isInstanceOf(InvalidValue.class);
    }

    @Test
    void aNameOfMoreThanAHundredCharactersIsRefused() {
        assertThatThrownBy(() -> PersonName.parse("ا".repeat(101))).isInstanceOf(InvalidValue.class)
                .hasMessageContaining("100");
        assertThat(PersonName.parse("ا".repeat(100)).value()).hasSize(100);
    }
}
