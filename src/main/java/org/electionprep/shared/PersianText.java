package org.electionprep.shared;

/** The glossary's text rules: Arabic ي and ك become Persian ی and ک, Persian and Arabic-Indic digits become ASCII. */
public final class PersianText {

    private PersianText() {
    }

    public static String normalize(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (c == 'ي' || c == 'ى') {
                out.append('ی');
            } else if (c == 'ك') {
                out.append('ک');
            } else if (c >= '\u06F0' && c <= '\u06F9') {
                out.append((char) ('0' + (c - '\u06F0')));
            } else if (c >= '\u0660' && c <= '\u0669') {
                out.append((char) ('0' + (c - '\u0660')));
            } else {
                out.append(c);
            }
        }
        return out.toString().trim();
    }

    /** A day as officials read it: Solar Hijri, year/month/day, Persian digits (۱۴۰۵/۱۰/۲۰). */
    public static String solarDate(java.time.LocalDate day) {
        com.github.mfathi91.time.PersianDate solar = com.github.mfathi91.time.PersianDate.fromGregorian(day);
        String ascii = String.format(java.util.Locale.ROOT, "%04d/%02d/%02d", solar.getYear(), solar.getMonthValue(),
                solar.getDayOfMonth());
        StringBuilder persian = new StringBuilder(ascii.length());
        for (char c : ascii.toCharArray()) {
            persian.append(c >= '0' && c <= '9' ? (char) ('\u06F0' + (c - '0')) : c);
        }
        return persian.toString();
    }
}
