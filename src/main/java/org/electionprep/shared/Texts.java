package org.electionprep.shared;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * What officials read, in Persian, from one bundle ({@code org/electionprep/texts.properties}): form errors,
 * summaries on task forms, the texts of reports. A text with values has numbered places ({0}, {1} ...); a value
 * is put in as its text, so numbers keep the digits the code gives them.
 */
public final class Texts {

    /** The bundle as the build packs it; it never changes while the app runs. */
    private static final ResourceBundle BUNDLE = ResourceBundle.getBundle("org.electionprep.texts", Locale.ROOT,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));

    private Texts() {
    }

    /** The text of the key with the values in its places; an ASCII apostrophe is written twice in the bundle. */
    public static String get(String key, Object... values) {
        Object[] texts = Arrays.stream(values).map(String::valueOf).toArray();
        return new MessageFormat(BUNDLE.getString(key), Locale.ROOT).format(texts);
    }
}
