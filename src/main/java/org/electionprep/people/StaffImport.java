package org.electionprep.people;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

import org.electionprep.division.Districts;
import org.electionprep.station.StationRegistry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A staff file into the roster, all or nothing: every row is checked first (national code, names, mobile, a role at a
 * station, a station of the registry, or for a reserve a district, in a county the sender may import for), one bad
 * row writes nothing, and the rows are written in one transaction. A person is found by national code and staffs one
 * station: a later file that names them at another station moves them. The same file again changes nothing, a value
 * left out keeps what was there, and no one is removed by leaving them out. Whether someone is certified is the
 * training's to say, not the file's.
 */
@Service
public class StaffImport {

    /** One row of a staff file, as written (null where the file gives nothing). */
    public record Row(long line, String nationalCode, String firstName, String lastName, String mobile, String role,
                      String station, String district) {
    }

    /** What an import did. */
    public record Result(int rows, int added, int updated, int unchanged) {
    }

    private record Checked(NationalCode code, PersonName firstName, PersonName lastName, MobileNumber mobile,
                           StaffRole role, String station, String district, String county) {
    }

    private final StaffRoster roster;
    private final StationRegistry stations;
    private final Districts districts;
    private final TransactionTemplate transaction;

    public StaffImport(StaffRoster roster, StationRegistry stations, Districts districts,
                       PlatformTransactionManager transactions) {
        this.roster = roster;
        this.stations = stations;
        this.districts = districts;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * @param mayImportFor whether the sender may import staff of a county (its own system, its province's, or an
     *                     administrator)
     */
    public Result importRows(List<Row> rows, Predicate<String> mayImportFor) {
        return transaction.execute(status -> write(rows.size(), check(rows, mayImportFor)));
    }

    private List<Checked> check(List<Row> rows, Predicate<String> mayImportFor) {
        Set<String> stationCodes = new HashSet<>();
        rows.forEach(row -> {
            if (row.station() != null) {
                stationCodes.add(row.station().strip());
            }
        });
        Map<String, StationRegistry.StationPlace> places = stations.placesOf(stationCodes);
        Map<String, Districts.District> allDistricts = districts.all();
        Map<String, Long> firstLine = new HashMap<>();
        RowProblems problems = new RowProblems();
        List<Checked> checked = new ArrayList<>();
        for (Row row : rows) {
            int before = problems.size();
            NationalCode code = problems.parse(row.line(), "national_code",
                    () -> NationalCode.parse(row.nationalCode()));
            if (code != null && firstLine.putIfAbsent(code.value(), row.line()) != null) {
                problems.add(row.line(), "national_code", "the same national code is on line "
                        + firstLine.get(code.value()) + "; a person staffs one station");
            }
            PersonName first = problems.parse(row.line(), "first_name", () -> PersonName.parse(row.firstName()));
            PersonName last = problems.parse(row.line(), "last_name", () -> PersonName.parse(row.lastName()));
            MobileNumber mobile = row.mobile() == null ? null
                    : problems.parse(row.line(), "mobile", () -> MobileNumber.parse(row.mobile()));
            StaffRole role = row.role() == null ? null
                    : StaffRole.of(row.role().strip().toLowerCase(Locale.ROOT)).orElse(null);
            if (role == null) {
                problems.add(row.line(), "role", "one of " + StaffRole.codes());
            }
            String station = row.station() == null ? null : row.station().strip();
            String district = row.district() == null ? null : row.district().strip();
            String county = null;
            if (role == StaffRole.RESERVE) {
                if (station != null) {
                    problems.add(row.line(), "station", "a reserve is held by a district, not a station");
                } else if (district == null || !allDistricts.containsKey(district)) {
                    problems.add(row.line(), "district", "a reserve is held by a district of the"
                            + " registry, not '" + district + "'");
                } else {
                    county = allDistricts.get(district).countyCode();
                }
            } else if (role != null) {
                StationRegistry.StationPlace place = station == null ? null : places.get(station);
                if (place == null) {
                    problems.add(row.line(), "station", "a station of the registry, not '" + station + "'");
                } else if (place.districtCode() == null) {
                    problems.add(row.line(), "station", "station " + station + " has no district in the"
                            + " registry; give it one first");
                } else if (district != null && !district.equals(place.districtCode())) {
                    problems.add(row.line(), "district", "station " + station + " lies in district '"
                            + place.districtCode() + "', not '" + district + "'");
                } else {
                    county = place.countyCode();
                    district = place.districtCode();
                }
            }
            if (county != null && !mayImportFor.test(county)) {
                problems.add(row.line(), role == StaffRole.RESERVE ? "district" : "station",
                        "lies in county '" + county + "', which this account does not import for");
            }
            if (problems.size() == before) {
                checked.add(new Checked(code, first, last, mobile, role, role == StaffRole.RESERVE ? null : station,
                        district, county));
            }
        }
        problems.throwIfAny();
        return checked;
    }

    private Result write(int rows, List<Checked> checked) {
        Map<String, StaffRoster.Member> existing = roster.byCodes(checked.stream().map(c -> c.code().value()).toList());
        List<StaffRoster.Member> added = new ArrayList<>();
        List<StaffRoster.Member> updated = new ArrayList<>();
        for (Checked row : checked) {
            StaffRoster.Member before = existing.get(row.code().value());
            StaffRoster.Member after = new StaffRoster.Member(row.code(), row.firstName(), row.lastName(),
                    row.mobile() != null ? row.mobile() : before == null ? null : before.mobile(), row.role(),
                    row.station(), row.district(), row.county(), before != null && before.certified());
            if (before == null) {
                added.add(after);
            } else if (!Objects.equals(before, after)) {
                updated.add(after);
            }
        }
        roster.add(added);
        roster.update(updated);
        return new Result(rows, added.size(), updated.size(), rows - added.size() - updated.size());
    }
}
