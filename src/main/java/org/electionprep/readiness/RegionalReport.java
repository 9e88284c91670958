package org.electionprep.readiness;

import java.util.List;

import org.electionprep.shared.Texts;

/** The regional readiness report: each county's state with its fallbacks and training coverage. */
public record RegionalReport(String regionCode, String regionName, String electionDate, boolean deadlinePassed,
                             boolean allCountiesDeclared, List<CountyLine> counties) {

    public record CountyLine(String county, String countyName, boolean declared, int stations, int ready,
                             int fallbackBackup, int fallbackPaper, int atRisk, int rejected, int officials,
                             int officialsTrained) {
    }

    /** Longest text in a form (a string variable holds 4,000 characters); the full report is in the registry. */
    static final int TEXT_LIMIT = 3800;

    /** The report as officials read it in Tasklist. */
    public String text() {
        StringBuilder s = new StringBuilder();
        s.append(Texts.get("readiness.report-heading", regionName, electionDate)).append('\n');
        s.append(allCountiesDeclared ? Texts.get("readiness.report-all-declared")
                : deadlinePassed ? Texts.get("readiness.report-deadline-passed") : "").append("\n\n");
        for (CountyLine c : counties) {
            s.append(Texts.get("readiness.report-county", c.countyName(),
                    c.declared() ? Texts.get("readiness.report-county-declared")
                            : Texts.get("readiness.report-county-not-declared"),
                    c.stations(), c.ready(), c.fallbackBackup(), c.fallbackPaper(), c.atRisk(), c.rejected(),
                    c.officialsTrained(), c.officials())).append('\n');
        }
        return s.length() <= TEXT_LIMIT ? s.toString()
                : Texts.get("readiness.report-truncated", s.substring(0, TEXT_LIMIT));
    }
}
