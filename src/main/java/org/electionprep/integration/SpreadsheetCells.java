package org.electionprep.integration;

/**
 * CSV cells as a spreadsheet reads them. Text beginning with = + - @ (or a tab or carriage return) is a formula to
 * Excel and LibreOffice, so a station name such as {@code =HYPERLINK(...)} would run in the official's spreadsheet:
 * exports put an apostrophe before it, which the spreadsheet shows as text, and a CSV import takes that apostrophe off
 * again, so an exported file still re-imports unchanged.
 */
final class SpreadsheetCells {

    private static final String FORMULA_STARTS = "=+-@\t\r";

    private SpreadsheetCells() {
    }

    /** A value as written to a CSV export. */
    static Object neutral(Object value) {
        if (value instanceof String text && !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return value;
    }

    /** A CSV value as imported: a neutralised formula loses its apostrophe. */
    static String restored(String value) {
        if (value != null && value.length() > 1 && value.charAt(0) == '\''
                && FORMULA_STARTS.indexOf(value.charAt(1)) >= 0) {
            return value.substring(1);
        }
        return value;
    }
}
