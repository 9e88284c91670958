package org.electionprep.people;

import org.electionprep.shared.PersianText;

/**
 * An Iranian national code (کد ملی): ten digits, the last a check digit over the first nine. Written with Persian or
 * Arabic-Indic digits, spaces or hyphens, it is kept as ten Latin digits.
 */
public record NationalCode(String value) {

    public NationalCode {
        if (value == null || !value.matches("\\d{10}")) {
            throw new IllegalArgumentException("not a normalised national code");
        }
    }

    public static NationalCode parse(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidValue("a national code is required");
        }
        String digits = PersianText.normalize(raw).replaceAll("[\\s\\-]", "");
        if (!digits.matches("\\d{8,10}")) {
            throw new InvalidValue("ten digits (Persian, Arabic-Indic or Latin)");
        }
        // A spreadsheet drops the leading zeros of a code such as 0012345678; eight or nine digits get them back.
        String code = "0".repeat(10 - digits.length()) + digits;
        if (code.chars().distinct().count() == 1) {
            throw new InvalidValue("ten equal digits pass the check digit but are no one's national code");
        }
        if (code.substring(3, 9).equals("000000")) {
            throw new InvalidValue("the fourth to ninth digits are never all zero in a national code");
        }
        if (!checkDigitMatches(code)) {
            throw new InvalidValue("the check digit (the last) does not match the first nine digits");
        }
        return new NationalCode(code);
    }

    /** Whoever may not see it in full sees its last four digits. */
    public String masked() {
        return "******" + value.substring(6);
    }

    @Override
    public String toString() {
        // Never the code itself in a log line or an exception message.
        return "NationalCode[" + masked() + "]";
    }

    private static boolean checkDigitMatches(String code) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (code.charAt(i) - '0') * (10 - i);
        }
        int remainder = sum % 11;
        int check = code.charAt(9) - '0';
        return remainder < 2 ? check == remainder : check == 11 - remainder;
    }
}
