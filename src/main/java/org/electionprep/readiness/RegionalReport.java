package org.electionprep.readiness;

import java.util.List;

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
        s.append("منطقه ").append(regionName).append(" — روز اخذ رأی ").append(electionDate).append('\n');
        s.append(allCountiesDeclared ? "همه شهرستان‌ها آمادگی خود را اعلام کرده‌اند."
                : deadlinePassed ? "مهلت گزارش رسید و برخی شهرستان‌ها آمادگی اعلام نکرده‌اند." : "").append("\n\n");
        for (CountyLine c : counties) {
            s.append(c.countyName()).append(": ").append(c.declared() ? "آمادگی اعلام شد" : "آمادگی اعلام نشده")
                    .append(" | شعب ").append(c.stations()).append(" | آماده ").append(c.ready())
                    .append(" | پشتیبان ").append(c.fallbackBackup()).append(" | کاغذی ").append(c.fallbackPaper())
                    .append(" | در معرض خطر ").append(c.atRisk()).append(" | ردشده ").append(c.rejected())
                    .append(" | آموزش مسئولان ").append(c.officialsTrained()).append('/').append(c.officials())
                    .append('\n');
        }
        return s.length() <= TEXT_LIMIT ? s.toString()
                : s.substring(0, TEXT_LIMIT) + "\n… (گزارش کامل در بانک اطلاعاتی: readiness_declaration)";
    }
}
