package org.electionprep.milestone;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Date;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.mfathi91.time.PersianDate;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.electionprep.shared.PersianText;
import org.electionprep.shared.Texts;
import org.springframework.stereotype.Component;

/**
 * Turns the election date into the due dates the models' timers wait for ({@code ${milestones.due(electionDate,
 * 'stations-verified')}}), so that the T-minus days are configuration, not numbers in the BPMN.
 */
@Component
public class Milestones {

    /** Years before this are Solar Hijri: the election calendar has no Gregorian dates that early. */
    private static final int FIRST_GREGORIAN_YEAR = 1700;
    private static final Pattern DAY = Pattern.compile("(\\d{4})[-/](\\d{1,2})[-/](\\d{1,2})(T[0-9:.]+(Z|[+-][0-9:]+)?)?");

    private final MilestoneProperties properties;

    public Milestones(MilestoneProperties properties) {
        this.properties = properties;
    }

    public Date due(Object electionDate, String key) {
        return startOfDay(dueDay(date(electionDate), key));
    }

    public LocalDate dueDay(LocalDate electionDate, String key) {
        Integer days = properties.daysBefore().get(key);
        if (days == null) {
            throw new IllegalArgumentException("No milestone '" + key + "' in election-prep.milestones.days-before");
        }
        return electionDate.minusDays(days);
    }

    /** Midnight of the given day where the officials are. */
    public Date startOfDay(Object day) {
        return startOfDay(date(day));
    }

    private Date startOfDay(LocalDate day) {
        return Date.from(day.atStartOfDay(properties.zone()).toInstant());
    }

    public LocalDate today(java.time.Clock clock) {
        return LocalDate.now(clock.withZone(properties.zone()));
    }

    /**
     * A day as forms and REST clients send it: a Solar Hijri date as officials type it (1405/12/15 or 1405-12-15, any
     * digits), ISO text (2027-03-06, any digits), a java.util.Date or a LocalDate.
     */
    public LocalDate date(Object value) {
        if (value instanceof LocalDate d) {
            return d;
        }
        if (value instanceof Date d) {
            return d.toInstant().atZone(properties.zone()).toLocalDate();
        }
        if (value == null || value.toString().isBlank()) {
            throw new FormFieldValidationException("date", Texts.get("milestone.date.missing"));
        }
        String text = PersianText.normalize(value.toString().trim());
        Matcher parts = DAY.matcher(text);
        if (parts.matches()) {
            int year = Integer.parseInt(parts.group(1));
            int month = Integer.parseInt(parts.group(2));
            int day = Integer.parseInt(parts.group(3));
            try {
                if (year >= 1300 && year < FIRST_GREGORIAN_YEAR) {
                    return PersianDate.of(year, month, day).toGregorian();
                }
                if (year >= 1900) {
                    return LocalDate.of(year, month, day);
                }
            } catch (DateTimeException | IllegalArgumentException e) {
                // falls through to the message below
            }
        }
        throw new FormFieldValidationException("date", Texts.get("milestone.date.invalid", value));
    }
}
