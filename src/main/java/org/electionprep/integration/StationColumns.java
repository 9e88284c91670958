package org.electionprep.integration;

import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.electionprep.integration.ApiProblem.RowError;
import org.electionprep.shared.PersianText;
import org.electionprep.station.ImportedStation;

/**
 * The station import and export format, one column per field, the same names in CSV headers and JSON objects, and
 * the checks of each value. A row either becomes an {@link ImportedStation} or adds its errors to the list.
 */
public final class StationColumns {

    public static final List<String> COLUMNS = List.of("code", "name", "county", "district", "kind", "area",
            "building", "address", "latitude", "longitude", "expected_voters", "capacity",
            "primary_medium", "primary_provider", "primary_circuit", "primary_endpoint",
            "backup_medium", "backup_provider", "backup_circuit", "backup_endpoint");
    /** Values every station has; a row of an existing station may leave them out (see {@link #completed}). */
    static final Set<String> REQUIRED = Set.of("code", "name", "county");
    /** The only column a file must have: the rows are matched to the registry by it. */
    static final String KEY = "code";
    static final Set<String> NUMERIC = Set.of("latitude", "longitude", "expected_voters", "capacity");
    static final Set<String> MEDIA = Set.of("FIBRE", "ADSL", "LANDLINE", "4G", "SATELLITE");

    private StationColumns() {
    }

    /** Checks one row's values (already strings, blanks as null); null when any is bad, the errors added. */
    static ImportedStation parse(long line, Map<String, String> raw, List<RowError> errors) {
        int before = errors.size();
        Values v = new Values(line, raw, errors);
        String code = v.text("code", 40);
        if (code != null) {
            code = code.toUpperCase(Locale.ROOT);
            if (!code.matches("[A-Z0-9][A-Z0-9-]{1,39}")) {
                v.error("code", "a station code is 2 to 40 Latin letters, digits and hyphens, e.g. AHV-0001");
            }
        }
        String kind = v.choice("kind", Set.of("FIXED", "MOBILE"), "FIXED");
        String area = v.choice("area", Set.of("URBAN", "RURAL"), "URBAN");
        ImportedStation station = new ImportedStation(line, code, v.text("name", 300), lower(v.text("county", 40)),
                lower(v.text("district", 40)), kind, area, v.text("building", 300), v.text("address", 500),
                v.decimal("latitude", -90, 90), v.decimal("longitude", -180, 180),
                v.integer("expected_voters", 0, 100_000), v.integer("capacity", 1, 100_000),
                v.link("primary"), v.link("backup"));
        return errors.size() == before ? station : null;
    }

    /**
     * The row as it would read had it every column: the columns it leaves out (a CSV header without them, a JSON
     * object without the field) are taken from the station as the registry holds it, so that leaving a column out of a
     * file never erases a field; a column that is present but empty still clears it, so an export re-imports
     * unchanged. A row of a new station ({@code current} null) stays as it is.
     */
    static Map<String, String> completed(Map<String, String> raw, Map<String, Object> current) {
        if (current == null || isComplete(raw)) {
            return raw;
        }
        Map<String, String> row = new java.util.HashMap<>(raw);
        for (String column : COLUMNS) {
            if (!raw.containsKey(column)) {
                Object value = current.get(column);
                row.put(column, value == null ? null : value instanceof BigDecimal d ? d.toPlainString()
                        : value.toString());
            }
        }
        return row;
    }

    /** Whether the row has every column of the format (a full export has). */
    static boolean isComplete(Map<String, String> raw) {
        return raw.keySet().containsAll(COLUMNS);
    }

    /** The row's station code as a valid row stores it (Persian digits ASCII, upper case), or null. */
    static String code(Map<String, String> raw) {
        String code = raw.get(KEY);
        return code == null ? null : PersianText.normalize(code).toUpperCase(Locale.ROOT);
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }

    /** Reads and checks the values of one row, adding an error per bad field. */
    private static final class Values {

        private final long line;
        private final Map<String, String> raw;
        private final List<RowError> errors;
        private final String code;

        Values(long line, Map<String, String> raw, List<RowError> errors) {
            this.line = line;
            this.raw = raw;
            this.errors = errors;
            String c = raw.get("code");
            this.code = c == null ? null : PersianText.normalize(c).toUpperCase(Locale.ROOT);
        }

        void error(String field, String reason) {
            errors.add(new RowError(line, code, field, reason));
        }

        String text(String field, int max) {
            String value = raw.get(field);
            value = value == null ? null : PersianText.normalize(value);
            if (value == null || value.isEmpty()) {
                if (REQUIRED.contains(field)) {
                    error(field, "required");
                }
                return null;
            }
            if (value.length() > max) {
                error(field, "longer than " + max + " characters");
                return null;
            }
            if (value.chars().anyMatch(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r')) {
                error(field, "contains control characters");
                return null;
            }
            return value;
        }

        String choice(String field, Set<String> allowed, String otherwise) {
            String value = text(field, 20);
            if (value == null) {
                return otherwise;
            }
            String upper = value.toUpperCase(Locale.ROOT);
            if (!allowed.contains(upper)) {
                error(field, "must be one of " + allowed.stream().sorted().toList());
                return null;
            }
            return upper;
        }

        Integer integer(String field, int min, int max) {
            String value = text(field, 12);
            if (value == null) {
                return null;
            }
            try {
                int n = Integer.parseInt(value);
                if (n < min || n > max) {
                    error(field, "must be between " + min + " and " + max);
                    return null;
                }
                return n;
            } catch (NumberFormatException e) {
                error(field, "not a whole number: '" + value + "'");
                return null;
            }
        }

        BigDecimal decimal(String field, int min, int max) {
            String value = text(field, 20);
            if (value == null) {
                return null;
            }
            try {
                BigDecimal n = new BigDecimal(value);
                if (n.compareTo(BigDecimal.valueOf(min)) < 0 || n.compareTo(BigDecimal.valueOf(max)) > 0) {
                    error(field, "must be between " + min + " and " + max);
                    return null;
                }
                return n.setScale(6, java.math.RoundingMode.HALF_UP);
            } catch (NumberFormatException e) {
                error(field, "not a number: '" + value + "'");
                return null;
            }
        }

        ImportedStation.Link link(String role) {
            String medium = text(role + "_medium", 20);
            String provider = text(role + "_provider", 200);
            String circuit = text(role + "_circuit", 100);
            String endpoint = text(role + "_endpoint", 500);
            if (medium == null && provider == null && circuit == null && endpoint == null) {
                return null;
            }
            boolean ok = true;
            if (circuit == null) {
                error(role + "_circuit", "required when the " + role + " link is given");
                ok = false;
            }
            if (endpoint == null) {
                error(role + "_endpoint", "required when the " + role + " link is given");
                ok = false;
            } else if (!isHttpUrl(endpoint)) {
                error(role + "_endpoint", "must be a complete http or https URL, e.g. http://10.1.2.3/health");
                ok = false;
            }
            String m = medium == null ? "FIBRE" : medium.toUpperCase(Locale.ROOT);
            if (!MEDIA.contains(m)) {
                error(role + "_medium", "must be one of " + MEDIA.stream().sorted().toList());
                ok = false;
            }
            return ok ? new ImportedStation.Link(m, provider, circuit, endpoint) : null;
        }
    }

    static boolean isHttpUrl(String value) {
        try {
            URI uri = URI.create(value);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Column names a file used that the format does not know. */
    static List<String> unknown(Iterable<String> names) {
        List<String> unknown = new ArrayList<>();
        for (String name : names) {
            if (!COLUMNS.contains(name)) {
                unknown.add(name);
            }
        }
        return unknown;
    }
}
