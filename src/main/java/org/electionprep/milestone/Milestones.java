package org.electionprep.milestone;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Date;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.electionprep.station.PersianText;
import org.springframework.stereotype.Component;

/**
 * Turns the election date into the due dates the models' timers wait for ({@code ${milestones.due(electionDate,
 * 'stations-verified')}}), so that the T-minus days are configuration, not numbers in the BPMN.
 */
@Component
public class Milestones {

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

    /** A day as forms and REST clients send it: ISO text (any digits), a java.util.Date or a LocalDate. */
    public LocalDate date(Object value) {
        if (value instanceof LocalDate d) {
            return d;
        }
        if (value instanceof Date d) {
            return d.toInstant().atZone(properties.zone()).toLocalDate();
        }
        if (value == null || value.toString().isBlank()) {
            throw new FormFieldValidationException("date", "تاریخ وارد نشده است");
        }
        String text = PersianText.normalize(value.toString().trim());
        try {
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            throw new FormFieldValidationException("date", "تاریخ «" + value + "» به شکل سال-ماه-روز (مثلاً 2027-02-05) نیست");
        }
    }
}
