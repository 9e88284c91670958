package org.electionprep.people;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import org.electionprep.division.CountyRegistry;
import org.electionprep.division.Districts;
import org.electionprep.division.Provinces;
import org.electionprep.identity.AccessProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An officials file into the roster and the engine's accounts, all or nothing: every row is checked first (the
 * national code's check digit, names, mobile, email, a role of access.yml and a place of that role's level), one bad
 * row writes nothing, and the rows and accounts are written in one transaction. Officials are found by national code:
 * the same file again changes nothing, a value left out keeps what was there, and an official is never removed, only
 * marked as left ({@code status=left}).
 */
@Service
public class OfficialImport {

    static final String ACTIVE = "active";
    static final String LEFT = "left";
    static final int MAX_EMAIL = 254;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    /** Systems, not people: their accounts are made by hand. */
    private static final Set<String> NOT_OFFICIALS = Set.of("integration");

    /** One row of an officials file, as written (null where the file gives nothing). */
    public record Row(long line, String nationalCode, String firstName, String lastName, String mobile, String email,
                      String role, String place, String status) {
    }

    /** What an import did. */
    public record Result(int rows, int added, int updated, int left, int unchanged) {
    }

    private enum Level { PROVINCE, COUNTY, DISTRICT }

    private record Checked(long line, NationalCode code, PersonName firstName, PersonName lastName, MobileNumber mobile,
                           String email, String role, String place, Boolean active) {
    }

    private final OfficialRoster roster;
    private final OfficialAccounts accounts;
    private final AccessProperties access;
    private final Provinces provinces;
    private final CountyRegistry counties;
    private final Districts districts;
    private final TransactionTemplate transaction;

    public OfficialImport(OfficialRoster roster, OfficialAccounts accounts, AccessProperties access,
                          Provinces provinces, CountyRegistry counties, Districts districts,
                          PlatformTransactionManager transactions) {
        this.roster = roster;
        this.accounts = accounts;
        this.access = access;
        this.provinces = provinces;
        this.counties = counties;
        this.districts = districts;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** The roles an official may hold, each with the level of its place. */
    private Map<String, Level> roles() {
        Map<String, Level> roles = new HashMap<>();
        access.provinceRoles().forEach(role -> roles.put(role.id(), Level.PROVINCE));
        access.countyRoles().forEach(role -> roles.put(role.id(), Level.COUNTY));
        access.districtRoles().forEach(role -> roles.put(role.id(), Level.DISTRICT));
        NOT_OFFICIALS.forEach(roles::remove);
        return roles;
    }

    public Result importRows(List<Row> rows) {
        return transaction.execute(status -> write(rows.size(), check(rows)));
    }

    private List<Checked> check(List<Row> rows) {
        Map<String, Level> roles = roles();
        Set<String> provinceCodes = provinces.all().keySet();
        Set<String> districtCodes = districts.all().keySet();
        Map<String, Long> firstLine = new HashMap<>();
        RowProblems problems = new RowProblems();
        List<Checked> checked = new ArrayList<>();
        for (Row row : rows) {
            int before = problems.size();
            NationalCode code = problems.parse(row.line(), "national_code",
                    () -> NationalCode.parse(row.nationalCode()));
            if (code != null && firstLine.putIfAbsent(code.value(), row.line()) != null) {
                problems.add(row.line(), "national_code", "the same national code is on line "
                        + firstLine.get(code.value()));
            }
            PersonName first = problems.parse(row.line(), "first_name", () -> PersonName.parse(row.firstName()));
            PersonName last = problems.parse(row.line(), "last_name", () -> PersonName.parse(row.lastName()));
            MobileNumber mobile = row.mobile() == null ? null
                    : problems.parse(row.line(), "mobile", () -> MobileNumber.parse(row.mobile()));
            String email = row.email() == null ? null : row.email().strip();
            if (email != null && (email.length() > MAX_EMAIL || !EMAIL.matcher(email).matches())) {
                problems.add(row.line(), "email", "an email address such as name@example.ir, at most "
                        + MAX_EMAIL + " characters");
            }
            String role = row.role() == null ? null : row.role().strip().toLowerCase(Locale.ROOT);
            Level level = role == null ? null : roles.get(role);
            if (level == null) {
                problems.add(row.line(), "role", "one of " + new java.util.TreeSet<>(roles.keySet()));
            }
            String place = row.place() == null ? null : row.place().strip();
            if (level != null) {
                boolean known = place != null && switch (level) {
                    case PROVINCE -> provinceCodes.contains(place);
                    case COUNTY -> counties.exists(place);
                    case DISTRICT -> districtCodes.contains(place);
                };
                if (!known) {
                    problems.add(row.line(), "place", "a " + role + " serves in a "
                            + level.name().toLowerCase(Locale.ROOT) + " of the registry, not '" + place + "'");
                }
            }
            String status = row.status() == null ? null : row.status().strip().toLowerCase(Locale.ROOT);
            if (status != null && !status.equals(ACTIVE) && !status.equals(LEFT)) {
                problems.add(row.line(), "status", "active or left");
            }
            if (problems.size() == before) {
                checked.add(new Checked(row.line(), code, first, last, mobile, email, role, place,
                        status == null ? null : status.equals(ACTIVE)));
            }
        }
        problems.throwIfAny();
        return checked;
    }

    private Result write(int rows, List<Checked> checked) {
        Map<String, OfficialRoster.Official> existing = roster.all();
        Set<String> takenIds = new HashSet<>(roster.userIds());
        int added = 0;
        int updated = 0;
        int left = 0;
        for (Checked row : checked) {
            OfficialRoster.Official before = existing.get(row.code().value());
            String userId = before != null ? before.userId() : newUserId(row.place(), row.role(), takenIds);
            OfficialRoster.Official after = new OfficialRoster.Official(row.code(), userId, row.firstName(),
                    row.lastName(), row.mobile() != null ? row.mobile() : before == null ? null : before.mobile(),
                    row.email() != null ? row.email() : before == null ? null : before.email(), row.role(),
                    row.place(), row.active() != null ? row.active() : before == null || before.active());
            if (Objects.equals(before, after)) {
                continue;
            }
            if (before == null) {
                roster.add(after);
                added++;
            } else {
                roster.update(after);
                updated++;
                left += before.active() && !after.active() ? 1 : 0;
            }
            accounts.bring(after, groupOf(after), before == null ? null : groupOf(before));
        }
        return new Result(rows, added, updated, left, rows - added - updated);
    }

    private String groupOf(OfficialRoster.Official official) {
        return new AccessProperties.Role(official.role(), null, List.of()).groupIdFor(official.place());
    }

    /** A new official's account: place-role (ahvaz-governor), or with a number if another holds that. */
    private String newUserId(String place, String role, Set<String> taken) {
        String base = place + "-" + role;
        String id = base;
        for (int n = 2; taken.contains(id) || accounts.exists(id); n++) {
            id = base + "-" + n;
        }
        taken.add(id);
        return id;
    }
}
