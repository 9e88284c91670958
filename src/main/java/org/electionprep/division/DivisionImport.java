package org.electionprep.division;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.electionprep.engine.Messages;
import org.electionprep.shared.PersianText;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A divisions file into the registry, all or nothing: every row is checked first, against the file and the registry,
 * and one bad row writes nothing. Provinces, counties and districts are added and renamed, districts moved between
 * counties (one that holds stations stays); the same file again changes nothing, and a division left out of a file
 * stays. The registry's rows are written in one transaction. Then each new, renamed or moved place is set up
 * ({@link PlaceSetup}: its tenant, groups, grants, filters and a county's models), each in a transaction of its own,
 * before the import answers: a country's engine work in one transaction made every further command slower and ran out
 * of memory. A place whose set-up fails is set up again at the next start.
 */
@Service
public class DivisionImport {

    static final Pattern CODE = Pattern.compile("[a-z0-9-]{1,40}");
    static final int MAX_NAME = 200;
    static final String PROVINCE = "province";
    static final String COUNTY = "county";
    static final String DISTRICT = "district";
    static final List<String> LEVELS = List.of(PROVINCE, COUNTY, DISTRICT);

    /** One row of a divisions file: its line, its level (province, county, district), code, name and parent. */
    public record Row(long line, String level, String code, String name, String parent) {
    }

    /** A refused row: its line, its code, the field and why. */
    public record Problem(long line, String code, String field, String reason) {
    }

    /** What an import did: divisions added per level, renamed, districts moved, and rows that changed nothing. */
    public record Result(int rows, int provincesAdded, int countiesAdded, int districtsAdded, int renamed,
                         int districtsMoved, int unchanged) {
    }

    /** The rows were written, but a place's set-up failed; the next start sets it up again. */
    public static class SetUpFailed extends RuntimeException {

        SetUpFailed(String code, RuntimeException cause) {
            super("The divisions were written, but setting up '" + code + "' (its tenant, groups, grants and models)"
                    + " failed: " + cause.getMessage() + ". Every start of the app sets up every place again", cause);
        }
    }

    /** A file with bad rows: nothing was written. */
    public static class RejectedFile extends RuntimeException {

        private final transient List<Problem> problems;

        RejectedFile(List<Problem> problems) {
            super(problems.size() + " rows refused");
            this.problems = List.copyOf(problems);
        }

        public List<Problem> problems() {
            return problems;
        }
    }

    /** A row that passed its checks: level, code, normalised name and parent. */
    private record Division(String level, String code, String name, String parent) {
    }

    /** What the registry transaction wrote: the answer, and the set-up of each place it added or changed. */
    private record Written(Result result, List<SetUp> setUps) {
    }

    private record SetUp(String code, Runnable work) {
    }

    private final Provinces provinces;
    private final CountyRegistry counties;
    private final Districts districts;
    private final PlaceSetup places;
    private final TransactionTemplate transaction;
    private final IdentityService identity;

    public DivisionImport(Provinces provinces, CountyRegistry counties, Districts districts, PlaceSetup places,
                          PlatformTransactionManager transactions, IdentityService identity) {
        this.provinces = provinces;
        this.counties = counties;
        this.districts = districts;
        this.places = places;
        this.transaction = new TransactionTemplate(transactions);
        this.identity = identity;
    }

    public Result importRows(List<Row> rows) {
        Written written = transaction.execute(status -> checkAndWrite(rows));
        // The set-up is the app's own work, as at start-up, not the administrator's: under the caller's
        // authentication every grant it saves is checked against every group that holds a grant, which made each
        // county slower than the one before (357 ms a county at 25 counties, 784 ms at 100).
        Messages.asApp(identity, () -> {
            for (SetUp setUp : written.setUps()) {
                try {
                    setUp.work().run();
                } catch (RuntimeException e) {
                    throw new SetUpFailed(setUp.code(), e);
                }
            }
            return null;
        });
        return written.result();
    }

    private Written checkAndWrite(List<Row> rows) {
        Registry registry = new Registry(provinces.all(), counties.all().stream()
                .collect(Collectors.toMap(CountyRegistry.County::code, c -> c)), districts.all());
        Map<String, String> levelInFile = new HashMap<>();
        for (Row row : rows) {
            String level = level(row);
            String code = row.code() == null ? null : row.code().strip();
            if (LEVELS.contains(level) && code != null) {
                levelInFile.putIfAbsent(code, level);
            }
        }
        Map<String, Long> firstLine = new HashMap<>();
        List<Problem> problems = new ArrayList<>();
        List<Division> wanted = new ArrayList<>();
        for (Row row : rows) {
            int before = problems.size();
            String code = row.code() == null ? null : row.code().strip();
            String name = row.name() == null ? null : PersianText.normalize(row.name().strip());
            String parent = row.parent() == null || row.parent().isBlank() ? null : row.parent().strip();
            if (code == null || !CODE.matcher(code).matches()) {
                problems.add(problem(row, code, "code", "a code of 1 to 40 lower-case Latin letters, digits and hyphens"));
            } else if (firstLine.putIfAbsent(code, row.line()) != null) {
                problems.add(problem(row, code, "code", "appears already on line " + firstLine.get(code)));
            }
            if (name == null || name.isEmpty()) {
                problems.add(problem(row, code, "name", "a name is required"));
            } else if (name.length() > MAX_NAME) {
                problems.add(problem(row, code, "name", "at most " + MAX_NAME + " characters"));
            }
            String level = level(row);
            if (!LEVELS.contains(level)) {
                problems.add(problem(row, code, "level", "one of province, county, district"));
            }
            if (problems.size() > before) {
                continue;
            }
            String registered = registry.levelOf(code);
            if (registered != null && !registered.equals(level)) {
                problems.add(problem(row, code, "code", "'" + code + "' is a " + registered
                        + " in the registry; a code names one division"));
                continue;
            }
            String reason = switch (level) {
                case PROVINCE -> parent == null ? null : "a province has no parent";
                case COUNTY -> checkCounty(code, parent, registry, levelInFile);
                default -> checkDistrict(code, parent, registry, levelInFile);
            };
            if (reason != null) {
                problems.add(problem(row, code, "parent", reason));
            } else {
                wanted.add(new Division(level, code, name, parent));
            }
        }
        if (!problems.isEmpty()) {
            throw new RejectedFile(problems);
        }
        return write(rows.size(), wanted, registry);
    }

    private static String level(Row row) {
        return row.level() == null ? "" : row.level().strip().toLowerCase(Locale.ROOT);
    }

    /** Why a county row's parent is refused, or null. */
    private static String checkCounty(String code, String parent, Registry registry, Map<String, String> levelInFile) {
        if (parent == null) {
            return "a county lies in a province: its code is required";
        }
        String parentLevel = registry.levelOf(parent) != null ? registry.levelOf(parent) : levelInFile.get(parent);
        if (!PROVINCE.equals(parentLevel)) {
            return parentLevel == null ? "no province '" + parent + "' in the registry or the file"
                    : "'" + parent + "' is a " + parentLevel + "; a county lies in a province";
        }
        CountyRegistry.County known = registry.counties().get(code);
        if (known != null && !known.province().equals(parent)) {
            return "county '" + code + "' lies in province '" + known.province()
                    + "'; a county does not move to another province";
        }
        return null;
    }

    /** Why a district row's parent is refused, or null. */
    private String checkDistrict(String code, String parent, Registry registry, Map<String, String> levelInFile) {
        if (parent == null) {
            return "a district lies in a county: its code is required";
        }
        String parentLevel = registry.levelOf(parent) != null ? registry.levelOf(parent) : levelInFile.get(parent);
        if (!COUNTY.equals(parentLevel)) {
            return parentLevel == null ? "no county '" + parent + "' in the registry or the file"
                    : "'" + parent + "' is a " + parentLevel + "; a district lies in a county";
        }
        Districts.District known = registry.districts().get(code);
        if (known != null && !known.countyCode().equals(parent)) {
            int stations = districts.stationCounts(List.of(code)).getOrDefault(code, 0);
            if (stations > 0) {
                return "district '" + code + "' has " + stations + (stations == 1 ? " station" : " stations")
                        + " in county '" + known.countyCode() + "'; it cannot move to another county";
            }
        }
        return null;
    }

    private Written write(int rows, List<Division> wanted, Registry registry) {
        int[] added = new int[3];
        int renamed = 0;
        int moved = 0;
        int changed = 0;
        List<SetUp> setUps = new ArrayList<>();
        // Parents before children, whatever the file's order.
        List<Division> ordered = wanted.stream()
                .sorted(java.util.Comparator.comparingInt(d -> LEVELS.indexOf(d.level()))).toList();
        for (Division d : ordered) {
            String before = registry.nameOf(d.level(), d.code());
            if (before == null) {
                switch (d.level()) {
                    case PROVINCE -> {
                        provinces.add(new Provinces.Province(d.code(), d.name()));
                        setUps.add(new SetUp(d.code(), () -> places.setUpProvince(d.code(), d.name())));
                    }
                    case COUNTY -> {
                        counties.add(d.code(), d.name(), d.parent());
                        setUps.add(new SetUp(d.code(), () -> places.setUpCounty(d.code(), d.name(), d.parent())));
                    }
                    default -> {
                        districts.add(new Districts.District(d.code(), d.parent(), d.name()));
                        setUps.add(new SetUp(d.code(), () -> places.setUpDistrict(d.code(), d.name(), d.parent())));
                    }
                }
                added[LEVELS.indexOf(d.level())]++;
                continue;
            }
            boolean rename = !Objects.equals(PersianText.normalize(before), d.name());
            String fromCounty = DISTRICT.equals(d.level()) ? registry.districts().get(d.code()).countyCode() : null;
            boolean move = fromCounty != null && !fromCounty.equals(d.parent());
            if (rename) {
                switch (d.level()) {
                    case PROVINCE -> provinces.rename(d.code(), d.name());
                    case COUNTY -> counties.rename(d.code(), d.name());
                    default -> districts.rename(d.code(), d.name());
                }
                setUps.add(new SetUp(d.code(), () -> places.rename(d.level(), d.code(), d.name())));
                renamed++;
            }
            if (move) {
                districts.move(d.code(), d.parent());
                setUps.add(new SetUp(d.code(), () -> places.moveDistrict(d.code(), fromCounty, d.parent())));
                moved++;
            }
            changed += rename || move ? 1 : 0;
        }
        return new Written(new Result(rows, added[0], added[1], added[2], renamed, moved,
                rows - added[0] - added[1] - added[2] - changed), setUps);
    }

    private static Problem problem(Row row, String code, String field, String reason) {
        return new Problem(row.line(), code, field, reason);
    }

    /** The registry's divisions as the import found them. */
    private record Registry(Map<String, Provinces.Province> provinces, Map<String, CountyRegistry.County> counties,
                            Map<String, Districts.District> districts) {

        String levelOf(String code) {
            return provinces.containsKey(code) ? PROVINCE : counties.containsKey(code) ? COUNTY
                    : districts.containsKey(code) ? DISTRICT : null;
        }

        String nameOf(String level, String code) {
            return switch (level) {
                case PROVINCE -> provinces.containsKey(code) ? provinces.get(code).name() : null;
                case COUNTY -> counties.containsKey(code) ? counties.get(code).name() : null;
                default -> districts.containsKey(code) ? districts.get(code).name() : null;
            };
        }
    }
}
