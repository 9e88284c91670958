package org.electionprep.readiness;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.electionprep.division.CountyRegistry;
import org.electionprep.milestone.Milestone;
import org.electionprep.milestone.Milestones;
import org.electionprep.region.RegionService;
import org.electionprep.station.StationStatus;
import org.electionprep.training.OfficialsTraining;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Readiness in numbers, counted from the registry as it stands (the processes write every step into it): stations per
 * stage, link coverage (the latest test of the active primary link OK; a backup link tested OK), fallbacks, stations
 * at risk, and the officials' training coverage; per county, then per district.
 */
@Service
public class ReadinessFigures {

    /** One station as the counting sees it: its stage, its fallback and what its links and drill show. */
    record StationState(String status, String fallback, boolean atRisk, boolean primaryOk, boolean hasBackup,
                        boolean backupOk, boolean drilled) {
    }

    /** A county's officials of one role, and how many of them are trained. */
    public record RoleCoverage(int officials, int trained) {
    }

    /** A milestone of the county's region: its key, the name officials read, its day and the days left to it. */
    public record MilestoneDue(String key, String name, String due, long daysLeft) {
    }

    /** The figures of one county or district. */
    public static final class Figures {
        public final String county;
        public final String district;
        /** The county's or the district's name, for people. */
        public String name;
        public int stations;
        public final Map<String, Integer> byStatus = new LinkedHashMap<>();
        public int ready;
        public int fallbackBackup;
        public int fallbackPaper;
        public int atRisk;
        public int rejected;
        public int primaryLinkOk;
        public int backupLinks;
        public int backupLinkOk;
        public Integer officials;
        public Integer officialsTrained;
        /** Per role: officials and trained (county level only). */
        public Map<String, RoleCoverage> officialsByRole;
        /** Stations whose operators sat a drill, and those that passed it (TRAINED or READY). */
        public int drillsHeld;
        public int drillsPassed;
        /** The county's region, election day and milestones (county level only; absent outside a region). */
        public String region;
        public String electionDate;
        /** Days from today (in the milestones' zone) to election day. */
        public Long daysToElection;
        public List<MilestoneDue> milestones;
        public final List<Figures> districts = new ArrayList<>();

        Figures(String county, String district) {
            this.county = county;
            this.district = district;
            for (StationStatus status : StationStatus.values()) {
                byStatus.put(status.name(), 0);
            }
        }

        void add(StationState s) {
            stations++;
            drillsHeld += s.drilled() ? 1 : 0;
            drillsPassed += "TRAINED".equals(s.status()) || "READY".equals(s.status()) ? 1 : 0;
            byStatus.merge(s.status(), 1, Integer::sum);
            ready += "READY".equals(s.status()) ? 1 : 0;
            rejected += "REJECTED".equals(s.status()) ? 1 : 0;
            fallbackBackup += !"READY".equals(s.status()) && "BACKUP_ONLY".equals(s.fallback()) ? 1 : 0;
            fallbackPaper += !"READY".equals(s.status()) && "PAPER".equals(s.fallback()) ? 1 : 0;
            atRisk += s.atRisk() ? 1 : 0;
            primaryLinkOk += s.primaryOk() ? 1 : 0;
            backupLinks += s.hasBackup() ? 1 : 0;
            backupLinkOk += s.backupOk() ? 1 : 0;
        }

        /**
         * The county as the head of some of its districts sees it: those districts, and their sum as the county's
         * figures; the officials' coverage is the county's, so it is left out.
         */
        public Figures narrowedTo(java.util.Collection<String> headed) {
            Figures narrowed = new Figures(county, null);
            narrowed.name = name;
            narrowed.region = region;
            narrowed.electionDate = electionDate;
            narrowed.daysToElection = daysToElection;
            narrowed.milestones = milestones;
            for (Figures d : districts) {
                if (headed.contains(d.district)) {
                    narrowed.districts.add(d);
                    narrowed.plus(d);
                }
            }
            return narrowed;
        }

        private void plus(Figures d) {
            stations += d.stations;
            d.byStatus.forEach((status, n) -> byStatus.merge(status, n, Integer::sum));
            ready += d.ready;
            fallbackBackup += d.fallbackBackup;
            fallbackPaper += d.fallbackPaper;
            atRisk += d.atRisk;
            rejected += d.rejected;
            primaryLinkOk += d.primaryLinkOk;
            backupLinks += d.backupLinks;
            backupLinkOk += d.backupLinkOk;
            drillsHeld += d.drillsHeld;
            drillsPassed += d.drillsPassed;
        }
    }

    private final JdbcTemplate jdbc;
    private final OfficialsTraining training;
    private final CountyRegistry registry;
    private final RegionService regions;
    private final Milestones milestones;
    private final Clock clock;

    public ReadinessFigures(JdbcTemplate jdbc, OfficialsTraining training, CountyRegistry counties,
                            RegionService regions, Milestones milestones, Clock clock) {
        this.jdbc = jdbc;
        this.training = training;
        this.registry = counties;
        this.regions = regions;
        this.milestones = milestones;
        this.clock = clock;
    }

    /** One county's stations counted as its steps report them (the database summary, the declaration, the report). */
    public CountyFigures county(String code) {
        return counties(List.of(code)).get(code);
    }

    /** The same for several counties, counted in one pass, by county code. */
    public Map<String, CountyFigures> counties(List<String> codes) {
        Map<String, CountyFigures> counted = new LinkedHashMap<>();
        for (Figures f : of(codes)) {
            int unverified = f.byStatus.get(StationStatus.PROPOSED.name())
                    + f.byStatus.get(StationStatus.RELOCATION_PENDING.name());
            counted.put(f.county, new CountyFigures(f.stations, f.stations - unverified - f.rejected, unverified,
                    f.rejected, f.ready, f.fallbackBackup, f.fallbackPaper, f.atRisk, f.officials,
                    f.officialsTrained));
        }
        return counted;
    }

    /** The figures of these counties (those with no station still appear), counties in code order. */
    public List<Figures> of(List<String> counties) {
        Map<String, Figures> byCounty = new TreeMap<>();
        Map<String, Figures> byDistrict = new TreeMap<>();
        for (String county : counties) {
            Figures figures = new Figures(county, null);
            figures.name = registry.name(county);
            Map<String, int[]> byRole = training.coverageByRole(county);
            int[] coverage = OfficialsTraining.total(byRole);
            figures.officials = coverage[0];
            figures.officialsTrained = coverage[1];
            figures.officialsByRole = new LinkedHashMap<>();
            byRole.forEach((role, counts) -> figures.officialsByRole.put(role, new RoleCoverage(counts[0], counts[1])));
            registry.regionOf(county).ifPresent(region -> {
                LocalDate election = regions.electionDate(region);
                figures.region = region;
                figures.electionDate = election.toString();
                figures.daysToElection = ChronoUnit.DAYS.between(milestones.today(clock), election);
                figures.milestones = new ArrayList<>();
                for (Milestone milestone : Milestone.values()) {
                    LocalDate due = milestones.dueDay(election, milestone.key());
                    figures.milestones.add(new MilestoneDue(milestone.key(), milestone.persianName(), due.toString(),
                            ChronoUnit.DAYS.between(milestones.today(clock), due)));
                }
            });
            byCounty.put(county, figures);
        }
        if (counties.isEmpty()) {
            return List.of();
        }
        String in = String.join(", ", counties.stream().map(c -> "?").toList());
        jdbc.query("""
                SELECT s.county_code, s.district_code, s.status, s.fallback_mode, s.at_risk_milestone,
                       CASE WHEN EXISTS (SELECT 1 FROM network_link l JOIN link_test t
                                           ON t.id = (SELECT MAX(id) FROM link_test WHERE link_id = l.id)
                                         WHERE l.station_code = s.code AND l.role = 'PRIMARY' AND l.active = TRUE
                                           AND t.result = 'OK') THEN 1 ELSE 0 END AS primary_ok,
                       CASE WHEN EXISTS (SELECT 1 FROM network_link l WHERE l.station_code = s.code
                                           AND l.role = 'BACKUP' AND l.active = TRUE) THEN 1 ELSE 0 END AS has_backup,
                       CASE WHEN EXISTS (SELECT 1 FROM network_link l JOIN link_test t
                                           ON t.id = (SELECT MAX(id) FROM link_test WHERE link_id = l.id)
                                         WHERE l.station_code = s.code AND l.role = 'BACKUP' AND l.active = TRUE
                                           AND t.result = 'OK') THEN 1 ELSE 0 END AS backup_ok,
                       CASE WHEN EXISTS (SELECT 1 FROM station_event e WHERE e.station_code = s.code
                                           AND (e.event_type = 'DRILL_FAILED' OR e.to_status = 'TRAINED'))
                            THEN 1 ELSE 0 END AS drilled
                FROM station s WHERE s.county_code IN (""" + in + ")", rs -> {
            String county = rs.getString(1);
            String district = rs.getString(2) == null ? "" : rs.getString(2);
            StationState station = new StationState(rs.getString(3), rs.getString(4), rs.getString(5) != null,
                    rs.getInt(6) == 1, rs.getInt(7) == 1, rs.getInt(8) == 1, rs.getInt(9) == 1);
            byCounty.get(county).add(station);
            byDistrict.computeIfAbsent(county + "/" + district, k -> new Figures(county, district)).add(station);
        }, counties.toArray());
        Map<String, String> districtNames = new java.util.HashMap<>();
        jdbc.query("SELECT code, name FROM district WHERE county_code IN (" + in + ")",
                rs -> { districtNames.put(rs.getString(1), rs.getString(2)); }, counties.toArray());
        byDistrict.values().forEach(d -> {
            d.name = districtNames.getOrDefault(d.district, d.district);
            byCounty.get(d.county).districts.add(d);
        });
        return new ArrayList<>(byCounty.values());
    }
}
