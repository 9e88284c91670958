package org.electionprep.demo;

import static org.electionprep.shared.process.CountyReadiness.DATABASE_CONFIRMED;
import static org.electionprep.shared.process.CountyReadiness.FINALIZATION_NOTES;
import static org.electionprep.shared.process.InstanceFacts.ELECTION_DATE;
import static org.electionprep.shared.process.InstanceFacts.REGION_CODE;
import static org.electionprep.shared.process.InstanceFacts.STATION_CODE;
import static org.electionprep.shared.process.RegionalReadiness.COUNTIES;
import static org.electionprep.shared.process.RegionalReadiness.REGION_NAME;
import static org.electionprep.shared.process.StationReadiness.ACCESSIBLE;
import static org.electionprep.shared.process.StationReadiness.ADDRESS;
import static org.electionprep.shared.process.StationReadiness.CAPACITY;
import static org.electionprep.shared.process.StationReadiness.CAPACITY_CONFIRMED;
import static org.electionprep.shared.process.StationReadiness.DISTRICT_CODE;
import static org.electionprep.shared.process.StationReadiness.EXPECTED_VOTERS;
import static org.electionprep.shared.process.StationReadiness.POWER_AVAILABLE;
import static org.electionprep.shared.process.StationReadiness.RECORD_NAME;
import static org.electionprep.shared.process.StationReadiness.SECURE;
import static org.electionprep.shared.process.StationReadiness.SITE_NOTES;
import static org.electionprep.shared.process.StationReadiness.SITE_OUTCOME;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.electionprep.division.CountyRegistry;
import org.electionprep.identity.DemoLogins;
import org.electionprep.identity.ProfileSeeder;
import org.electionprep.shared.AuditAction;
import org.electionprep.shared.process.CountyReadiness;
import org.electionprep.shared.process.RegionalReadiness;
import org.electionprep.shared.process.StationReadiness;
import org.electionprep.station.ImportedStation;
import org.electionprep.station.StationWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * DEMO ONLY: the districts of the mission brief's eight counties and a few hundred stations in realistic proportions
 * (Ahvaz largest), each with a primary link to the demo link simulator and some with a backup. Every station gets
 * its station-readiness process, and the eight counties form a region with its election about ten weeks ahead. On the
 * first start the demo district heads verify every site of some counties and a share of the others, and the demo
 * governors of some of the fully verified counties finalize their databases, so that connectivity fixes, training
 * sign-offs and a finalization are waiting too. Names and numbers are invented.
 */
@Component
@Profile("demo")
@Order(2)
public class DemoData implements ProfileSeeder {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    static final String REGION = "ahvaz-region";

    /** county code, prefix for station codes, station count, centre latitude and longitude, districts. */
    record CountyPlan(String county, String prefix, int stations, double lat, double lon, List<String[]> districts) {
    }

    static final List<CountyPlan> PLAN = List.of(
            new CountyPlan("ahvaz", "AHV", 96, 31.318, 48.670, List.<String[]>of(
                    new String[] {"ahvaz-central", "مرکزی", "URBAN"},
                    new String[] {"ahvaz-gheyzaniyeh", "غیزانیه", "RURAL"},
                    new String[] {"ahvaz-esmailiyeh", "اسماعیلیه", "RURAL"})),
            new CountyPlan("abadan", "ABD", 36, 30.347, 48.293, List.<String[]>of(
                    new String[] {"abadan-central", "مرکزی", "URBAN"},
                    new String[] {"abadan-arvandkenar", "اروندکنار", "RURAL"})),
            new CountyPlan("khorramshahr", "KHR", 28, 30.440, 48.166, List.<String[]>of(
                    new String[] {"khorramshahr-central", "مرکزی", "URBAN"},
                    new String[] {"khorramshahr-minu", "مینو", "RURAL"})),
            new CountyPlan("bavi", "BAV", 20, 31.585, 48.887, List.<String[]>of(
                    new String[] {"bavi-central", "مرکزی", "URBAN"},
                    new String[] {"bavi-veys", "ویس", "RURAL"})),
            new CountyPlan("shadegan", "SHD", 26, 30.650, 48.664, List.<String[]>of(
                    new String[] {"shadegan-central", "مرکزی", "URBAN"},
                    new String[] {"shadegan-khanafereh", "خنافره", "RURAL"},
                    new String[] {"shadegan-darkhoveyn", "دارخوین", "RURAL"})),
            new CountyPlan("karun", "KRN", 24, 31.250, 48.740, List.<String[]>of(
                    new String[] {"karun-central", "مرکزی", "URBAN"},
                    new String[] {"karun-soveyseh", "سویسه", "RURAL"})),
            new CountyPlan("hamidiyeh", "HMD", 16, 31.483, 48.430, List.<String[]>of(
                    new String[] {"hamidiyeh-central", "مرکزی", "URBAN"})),
            new CountyPlan("hoveyzeh", "HVZ", 14, 31.461, 48.073, List.<String[]>of(
                    new String[] {"hoveyzeh-central", "مرکزی", "URBAN"},
                    new String[] {"hoveyzeh-neysan", "نیسان", "RURAL"})));

    private static final String[] URBAN_BUILDINGS = {"دبستان فردوسی", "دبیرستان سعدی", "مسجد جامع", "حسینیه اعظم",
            "کانون فرهنگی تربیتی", "سالن ورزشی شهید چمران", "هنرستان فنی", "کتابخانه عمومی", "دبستان پروین اعتصامی",
            "مسجد امام رضا"};
    private static final String[] RURAL_BUILDINGS = {"دهیاری", "مدرسه روستا", "مسجد روستا", "خانه بهداشت",
            "حسینیه روستا"};
    private static final String[] STREETS = {"خیابان انقلاب", "خیابان امام", "بلوار ساحلی", "خیابان طالقانی",
            "خیابان شریعتی", "کوی ملت", "خیابان حافظ", "بلوار پاسداران"};
    private static final String[] MEDIA = {"FIBRE", "FIBRE", "FIBRE", "ADSL", "4G", "LANDLINE"};
    private static final String[] PROVIDERS = {"مخابرات منطقه خوزستان", "ایرانسل", "همراه اول", "شاتل"};

    private final JdbcTemplate jdbc;
    private final RuntimeService runtime;
    private final HistoryService history;
    private final TaskService tasks;
    private final IdentityService identity;
    private final LinkSimulator simulator;
    private final CountyRegistry counties;
    private final DemoProperties properties;
    private final StationWriter writer;

    public DemoData(JdbcTemplate jdbc, RuntimeService runtime, HistoryService history, TaskService tasks,
                    IdentityService identity, LinkSimulator simulator, CountyRegistry counties,
                    DemoProperties properties, StationWriter writer) {
        this.jdbc = jdbc;
        this.writer = writer;
        this.runtime = runtime;
        this.history = history;
        this.tasks = tasks;
        this.identity = identity;
        this.simulator = simulator;
        this.counties = counties;
        this.properties = properties;
    }

    @Override
    public void seed() {
        List<String> created = insertRegistry();
        int started = startMissingProcesses();
        boolean regionStarted = startRegion();
        int verified = created.isEmpty() ? 0 : verifyShareOfSites(created);
        int finalized = created.isEmpty() ? 0 : finalizeCounties();
        log.info("DEMO data: {} stations created, {} processes started, region {}, {} sites verified by demo district"
                + " heads, {} county databases finalized by demo governors", created.size(), started,
                regionStarted ? "started" : "already running", verified, finalized);
    }

    private List<String> insertRegistry() {
        Random random = new Random(1405);
        List<String> created = new ArrayList<>();
        List<ImportedStation> fresh = new ArrayList<>();
        for (CountyPlan plan : PLAN) {
            String countyName = counties.name(plan.county());
            for (int i = 1; i <= plan.stations(); i++) {
                String code = String.format("%s-%04d", plan.prefix(), i);
                // The draws happen for every station, so that the data stays the same whether or not it exists yet.
                String[] district = plan.districts().get(i % plan.districts().size() == 0 || plan.districts().size() == 1
                        ? 0 : random.nextInt(plan.districts().size()));
                boolean rural = "RURAL".equals(district[2]);
                String building = rural ? RURAL_BUILDINGS[random.nextInt(RURAL_BUILDINGS.length)]
                        : URBAN_BUILDINGS[random.nextInt(URBAN_BUILDINGS.length)];
                String street = STREETS[random.nextInt(STREETS.length)];
                int capacity = 600 + 100 * random.nextInt(12);
                int expected = (int) (capacity * (0.55 + 0.4 * random.nextDouble()));
                boolean mobile = random.nextInt(100) < 8;
                double lat = plan.lat() + (random.nextDouble() - 0.5) * 0.2;
                double lon = plan.lon() + (random.nextDouble() - 0.5) * 0.2;
                String medium = MEDIA[random.nextInt(MEDIA.length)];
                String provider = PROVIDERS[random.nextInt(PROVIDERS.length)];
                boolean backup = random.nextInt(100) < 35;
                int flaw = random.nextInt(100);
                if (count("SELECT COUNT(*) FROM station WHERE code = ?", code) > 0) {
                    continue;
                }
                // A few records arrive with errors, so the district heads have corrections to make.
                String address = flaw < 2 ? null : countyName + "، " + district[1] + "، " + street + "، پلاک " + toPersian(i * 7 % 200 + 1);
                if (flaw >= 2 && flaw < 5) {
                    expected = capacity + 150;
                }
                ImportedStation.Link primary = link(medium, provider, code + "-P");
                ImportedStation.Link backupLink = backup ? link("4G", PROVIDERS[1 + random.nextInt(2)], code + "-B") : null;
                fresh.add(new ImportedStation(0, code, "شعبه " + toPersian(i) + " " + countyName + " - " + building,
                        plan.county(), district[0], mobile ? "MOBILE" : "FIXED", rural ? "RURAL" : "URBAN", building,
                        address, BigDecimal.valueOf(Math.round(lat * 1e6) / 1e6),
                        BigDecimal.valueOf(Math.round(lon * 1e6) / 1e6), expected, capacity, primary, backupLink));
                created.add(code);
            }
        }
        // The demo starts the pipelines itself, right after (the district heads' first visits need them).
        writer.insertAll(fresh, AuditAction.system("demoData", null), false);
        return created;
    }

    private ImportedStation.Link link(String medium, String provider, String circuit) {
        return new ImportedStation.Link(medium, provider, circuit, simulator.endpointFor(circuit));
    }

    private int startMissingProcesses() {
        Set<String> withProcess = new HashSet<>();
        for (HistoricProcessInstance p
                : history.createHistoricProcessInstanceQuery().processDefinitionKey(StationReadiness.KEY).list()) {
            withProcess.add(p.getBusinessKey());
        }
        int started = 0;
        for (String code : jdbc.queryForList("SELECT code FROM station ORDER BY code", String.class)) {
            if (!withProcess.contains(code)) {
                runtime.startProcessInstanceByKey(StationReadiness.KEY, code, Map.ofEntries(STATION_CODE.with(code)));
                started++;
            }
        }
        return started;
    }

    /** The region of the mission brief: all eight counties, the election about ten weeks ahead. */
    private boolean startRegion() {
        if (count("SELECT COUNT(*) FROM region WHERE code = ?", REGION) > 0) {
            return false;
        }
        String regionCounties = String.join(",", counties.codes());
        String electionDate = LocalDate.now(ZoneId.of("Asia/Tehran")).plusDays(properties.electionInDays()).toString();
        identity.setAuthentication("khuzestan-elections", List.of("province-elections-khuzestan"),
                List.of("khuzestan"));
        try {
            runtime.startProcessInstanceByKey(RegionalReadiness.KEY, REGION, Map.ofEntries(REGION_CODE.with(REGION),
                    REGION_NAME.with("اهواز و شهرستان‌های همجوار"), ELECTION_DATE.with(electionDate),
                    COUNTIES.with(regionCounties)));
        } finally {
            identity.clearAuthentication();
        }
        return true;
    }

    /** Plays the governors of the counties whose every site is verified: they finalize their station databases. */
    private int finalizeCounties() {
        int finalized = 0;
        for (String county : properties.finalizedCounties()) {
            Task task = tasks.createTaskQuery().processInstanceBusinessKey(county)
                    .taskDefinitionKey(CountyReadiness.FINALIZE_STATION_DATABASE.id()).singleResult();
            if (task == null) {
                continue;
            }
            identity.setAuthentication(county + "-governor", List.of("governor-" + county), List.of(county));
            try {
                tasks.claim(task.getId(), county + "-governor");
                tasks.complete(task.getId(), Map.ofEntries(DATABASE_CONFIRMED.with(true),
                        FINALIZATION_NOTES.with("نهایی‌سازی نمونه (داده نمایشی)")));
                finalized++;
            } finally {
                identity.clearAuthentication();
            }
        }
        return finalized;
    }

    /**
     * Plays the district heads: approves the sites of every new station of the fully verified counties and of a share
     * of the others, as the county's demo user.
     */
    private int verifyShareOfSites(List<String> created) {
        int verified = 0;
        double share = Math.min(1, Math.max(0, properties.verifiedShare()));
        for (int i = 0; i < created.size(); i++) {
            String code = created.get(i);
            boolean wholeCounty = properties.verifiedCounties().stream().anyMatch(c -> code.startsWith(prefixOf(c) + "-"));
            // Spread evenly over the counties: station i is picked whenever the running share reaches a whole number.
            if (!wholeCounty && Math.floor((i + 1) * share) == Math.floor(i * share)) {
                continue;
            }
            if (wholeCounty) {
                correctRecordIfAsked(code);
            }
            Task task = tasks.createTaskQuery().processInstanceBusinessKey(code).taskDefinitionKey("verifySite")
                    .singleResult();
            if (task == null) {
                continue;
            }
            String user = asDistrictHead(code, task.getTenantId());
            try {
                tasks.claim(task.getId(), user);
                tasks.complete(task.getId(), Map.ofEntries(SITE_OUTCOME.with("approve"), ACCESSIBLE.with(true),
                        POWER_AVAILABLE.with(true), SECURE.with(true), CAPACITY_CONFIRMED.with(true),
                        SITE_NOTES.with("بازدید نمونه (داده نمایشی)")));
                verified++;
            } finally {
                identity.clearAuthentication();
            }
        }
        return verified;
    }

    /** Plays a district head who fixes a flawed record (missing address, more voters than capacity) from the registry. */
    private void correctRecordIfAsked(String code) {
        Task task = tasks.createTaskQuery().processInstanceBusinessKey(code)
                .taskDefinitionKey(StationReadiness.CORRECT_RECORD.id()).singleResult();
        if (task == null) {
            return;
        }
        Map<String, Object> row = jdbc.queryForMap("SELECT s.name, s.address, s.district_code, s.expected_voters,"
                + " s.capacity, c.name AS county_name FROM station s JOIN county c ON c.code = s.county_code"
                + " WHERE s.code = ?", code);
        int capacity = ((Number) row.get("capacity")).intValue();
        Map<String, Object> correction = new HashMap<>();
        correction.put(RECORD_NAME.name(), row.get("name"));
        correction.put(ADDRESS.name(), row.get("address") != null ? row.get("address")
                : row.get("county_name") + "، مرکزی، خیابان امام، پلاک " + toPersian(code.hashCode() % 90 + 10));
        correction.put(DISTRICT_CODE.name(), row.get("district_code"));
        correction.put(EXPECTED_VOTERS.name(), Math.min(((Number) row.get("expected_voters")).intValue(), capacity));
        correction.put(CAPACITY.name(), capacity);
        String user = asDistrictHead(code, task.getTenantId());
        try {
            tasks.claim(task.getId(), user);
            tasks.complete(task.getId(), correction);
        } finally {
            identity.clearAuthentication();
        }
    }

    /** Signs in as the demo head of the station's district; the demo user's id is returned. */
    private String asDistrictHead(String code, String county) {
        String district = jdbc.queryForObject("SELECT district_code FROM station WHERE code = ?", String.class, code);
        String user = DemoLogins.districtUser(district);
        identity.setAuthentication(user, List.of("district-head-" + district), List.of(county));
        return user;
    }

    private static String prefixOf(String county) {
        return PLAN.stream().filter(p -> p.county().equals(county)).map(CountyPlan::prefix).findFirst().orElse("?");
    }

    private int count(String sql, Object... args) {
        Integer n = jdbc.queryForObject(sql, Integer.class, args);
        return n == null ? 0 : n;
    }

    static String toPersian(int number) {
        StringBuilder s = new StringBuilder();
        for (char c : Integer.toString(number).toCharArray()) {
            s.append((char) ('\u06F0' + (c - '0')));
        }
        return s.toString();
    }
}
