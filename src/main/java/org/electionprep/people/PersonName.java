package org.electionprep.people;

import java.util.regex.Pattern;

import org.electionprep.shared.PersianText;

/**
 * A first or last name as the glossary writes Persian: Arabic ي and ك become ی and ک, runs of spaces become one. It is
 * letters (Persian or Latin), spaces, the zero-width non-joiner of compound names (عبدالله‌زاده), hyphens and
 * apostrophes; at most 100 characters.
 */
public record PersonName(String value) {

    static final int MAX = 100;
    private static final Pattern NAME = Pattern.compile("[\\p{IsAlphabetic}\\p{M}\u200c' -]+");

    public static PersonName parse(String raw) {
        String name = raw == null ? "" : PersianText.normalize(raw).replaceAll("\\s+", " ").strip();
        if (name.isEmpty()) {
            throw new InvalidValue("a name is required");
        }
        if (name.length() > MAX) {
            throw new InvalidValue("at most " + MAX + " characters");
        }
        if (!NAME.matcher(name).matches()) {
            throw new InvalidValue("letters, spaces, hyphens and the zero-width non-joiner only (no digits or signs)");
        }
        return new PersonName(name);
    }
}
