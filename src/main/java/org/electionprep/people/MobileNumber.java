package org.electionprep.people;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import org.electionprep.shared.PersianText;

/**
 * An Iranian mobile number, kept in the 09xxxxxxxxx form officials write, from that form or from +98, 0098 or the
 * bare ten digits, in Persian, Arabic-Indic or Latin digits. Google's libphonenumber knows which numbers are mobile
 * numbers in Iran; a landline, a foreign number or a number of the wrong length is refused.
 */
public record MobileNumber(String value) {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final String IRAN = "IR";

    public MobileNumber {
        if (value == null || !value.matches("09\\d{9}")) {
            throw new IllegalArgumentException("not a normalised mobile number");
        }
    }

    public static MobileNumber parse(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidValue("a mobile number is required");
        }
        String written = PersianText.normalize(raw);
        // libphonenumber reads letters as a keypad's digits (0912123ABCD): a number of digits only.
        if (!written.matches("\\+?[0-9 ()\\-]+")) {
            throw new InvalidValue("an Iranian mobile number such as 09121234567 (or +989121234567)");
        }
        PhoneNumber number;
        try {
            number = PHONES.parse(written, IRAN);
        } catch (NumberParseException e) {
            throw new InvalidValue("an Iranian mobile number such as 09121234567 (or +989121234567)");
        }
        if (!IRAN.equals(PHONES.getRegionCodeForNumber(number))
                || PHONES.getNumberType(number) != PhoneNumberUtil.PhoneNumberType.MOBILE) {
            throw new InvalidValue("an Iranian mobile number such as 09121234567 (or +989121234567)");
        }
        return new MobileNumber("0" + PHONES.getNationalSignificantNumber(number));
    }

    /** The number as an SMS gateway wants it: +989121234567. */
    public String international() {
        return "+98" + value.substring(1);
    }

    /** Whoever may not see it in full sees its first four and last two digits. */
    public String masked() {
        return value.substring(0, 4) + "*****" + value.substring(9);
    }

    @Override
    public String toString() {
        return "MobileNumber[" + masked() + "]";
    }
}
