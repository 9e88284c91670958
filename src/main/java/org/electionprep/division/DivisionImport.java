package org.electionprep.division;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import org.electionprep.identity.AccessProperties;
import org.electionprep.shared.PersianText;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A divisions file into the registry, all or nothing: every row is checked first, against the file and the registry,
 * and one bad row writes nothing. Districts are added, renamed and moved between counties (a district that holds
 * stations stays in its county); the same file again changes nothing, and a district left out of a file stays.
 * Provinces and counties still come from access.yml: their rows must name them as the registry has them, so that a
 * file of the whole tree (as {@code GET /api/divisions} gives it) imports unchanged.
 */
@Service
@Transactional
public class DivisionImport {

    static final Pattern CODE = Pattern.compile("[a-z0-9-]{1,40}");
    static final int MAX_NAME = 200;
    static final List<String> LEVELS = List.of("province", "county", "district");

    /** One row of a divisions file: its line, its level (province, county, district), code, name and parent. */
    public record Row(long line, String level, String code, String name, String parent) {
    }

    /** A refused row: its line, its code, the field and why. */
    public record Problem(long line, String code, String field, String reason) {
    }

    /** What an import did to the districts; provinces and counties are only checked. */
    public record Result(int rows, int districtsAdded, int districtsRenamed, int districtsMoved, int unchanged) {
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

    private final CountyRegistry counties;
    private final Districts districts;
    private final AccessProperties access;

    public DivisionImport(CountyRegistry counties, Districts districts, AccessProperties access) {
        this.counties = counties;
        this.districts = districts;
        this.access = access;
    }

    public Result importRows(List<Row> rows) {
        Map<String, CountyRegistry.County> county = new HashMap<>();
        counties.all().forEach(c -> county.put(c.code(), c));
        Map<String, Districts.District> district = districts.all();
        Map<String, Long> firstLine = new HashMap<>();
        List<Problem> problems = new ArrayList<>();
        List<Districts.District> wanted = new ArrayList<>();
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
            String level = row.level() == null ? "" : row.level().strip().toLowerCase(Locale.ROOT);
            if (!LEVELS.contains(level)) {
                problems.add(problem(row, code, "level", "one of province, county, district"));
            }
            if (problems.size() > before) {
                continue;
            }
            switch (level) {
                case "province" -> checkProvince(row, code, name, parent, county, problems);
                case "county" -> checkCounty(row, code, name, parent, county, problems);
                default -> {
                    if (checkDistrict(row, code, parent, county, district, problems)) {
                        wanted.add(new Districts.District(code, parent, name));
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new RejectedFile(problems);
        }
        return write(rows.size(), wanted, district);
    }

    private void checkProvince(Row row, String code, String name, String parent,
                               Map<String, CountyRegistry.County> county, List<Problem> problems) {
        if (parent != null) {
            problems.add(problem(row, code, "parent", "a province has no parent"));
        } else if (!code.equals(access.province().code())) {
            problems.add(problem(row, code, "code", county.containsKey(code) ? "'" + code + "' is a county"
                    : "no province '" + code + "'; provinces come from access.yml in this release"));
        } else if (!name.equals(PersianText.normalize(access.province().name()))) {
            problems.add(problem(row, code, "name", "the province is named '" + access.province().name()
                    + "' in access.yml, which names provinces in this release"));
        }
    }

    private void checkCounty(Row row, String code, String name, String parent,
                             Map<String, CountyRegistry.County> county, List<Problem> problems) {
        CountyRegistry.County known = county.get(code);
        if (parent == null) {
            problems.add(problem(row, code, "parent", "a county lies in a province: its code is required"));
        } else if (county.containsKey(parent)) {
            problems.add(problem(row, code, "parent", "'" + parent + "' is a county; a county lies in a province"));
        } else if (known == null) {
            problems.add(problem(row, code, "code", "no county '" + code
                    + "' in the registry; counties come from access.yml in this release"));
        } else if (!known.province().equals(parent)) {
            problems.add(problem(row, code, "parent", "county '" + code + "' lies in province '" + known.province()
                    + "'"));
        } else if (!name.equals(PersianText.normalize(known.name()))) {
            problems.add(problem(row, code, "name", "county '" + code + "' is named '" + known.name()
                    + "' in access.yml, which names counties in this release"));
        }
    }

    /** Whether the district row may be written; a bad one adds its problem. */
    private boolean checkDistrict(Row row, String code, String parent, Map<String, CountyRegistry.County> county,
                                  Map<String, Districts.District> district, List<Problem> problems) {
        if (county.containsKey(code) || code.equals(access.province().code())) {
            problems.add(problem(row, code, "code", "'" + code + "' names a " + (county.containsKey(code) ? "county"
                    : "province") + "; a code names one division"));
            return false;
        }
        if (parent == null) {
            problems.add(problem(row, code, "parent", "a district lies in a county: its code is required"));
            return false;
        }
        if (!county.containsKey(parent)) {
            problems.add(problem(row, code, "parent", district.containsKey(parent)
                    ? "'" + parent + "' is a district; a district lies in a county"
                    : parent.equals(access.province().code()) ? "'" + parent + "' is a province; a district lies in a county"
                    : "no county '" + parent + "' in the registry"));
            return false;
        }
        Districts.District known = district.get(code);
        if (known != null && !known.countyCode().equals(parent)) {
            int stations = districts.stationCounts(List.of(code)).getOrDefault(code, 0);
            if (stations > 0) {
                problems.add(problem(row, code, "parent", "district '" + code + "' has " + stations
                        + (stations == 1 ? " station" : " stations") + " in county '" + known.countyCode()
                        + "'; it cannot move to another county"));
                return false;
            }
        }
        return true;
    }

    private Result write(int rows, List<Districts.District> wanted, Map<String, Districts.District> known) {
        int added = 0;
        int renamed = 0;
        int moved = 0;
        int changed = 0;
        for (Districts.District d : wanted) {
            Districts.District before = known.get(d.code());
            if (before == null) {
                districts.add(d);
                added++;
                continue;
            }
            boolean rename = !Objects.equals(PersianText.normalize(before.name()), d.name());
            boolean move = !before.countyCode().equals(d.countyCode());
            if (rename) {
                districts.rename(d.code(), d.name());
                renamed++;
            }
            if (move) {
                districts.move(d.code(), d.countyCode());
                moved++;
            }
            changed += rename || move ? 1 : 0;
        }
        return new Result(rows, added, renamed, moved, rows - added - changed);
    }

    private static Problem problem(Row row, String code, String field, String reason) {
        return new Problem(row.line(), code, field, reason);
    }
}
