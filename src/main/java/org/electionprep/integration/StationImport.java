package org.electionprep.integration;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.electionprep.division.CountyRegistry;
import org.electionprep.integration.ApiProblem.RowError;
import org.electionprep.shared.AuditAction;
import org.electionprep.station.EndpointPolicy;
import org.electionprep.station.ImportedStation;
import org.electionprep.station.PipelineStarter;
import org.electionprep.station.StationChanges;
import org.electionprep.station.StationQueries;
import org.electionprep.station.StationWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a station file all or nothing: a first pass reads and checks every row (values, counties and districts,
 * the caller's right to each county, codes and circuits repeated in the file or used by another station); any bad
 * row and nothing is written. A second pass upserts by station code in one transaction: new stations, changed ones,
 * unchanged ones left alone; a change to a station of a finalized county is held for the governor's approval. Then
 * the new stations' pipelines are started.
 */
@Service
public class StationImport {

    private static final Logger log = LoggerFactory.getLogger(StationImport.class);

    /** How many bad values a refusal lists; the count says how many there were in all. */
    static final int LISTED_ERRORS = 500;

    /**
     * What an import did. New stations' pipelines are started before the answer when there are at most
     * {@code inlineStarts} of them, otherwise in the background right after (processesQueued), finished at the next
     * start-up if the app stops first.
     */
    public record Result(long rows, int created, int updated, int unchanged, int heldForApproval, int processesStarted,
                         int processesQueued) {
    }

    private final StationQueries queries;
    private final StationWriter writer;
    private final StationChanges changes;
    private final CountyRegistry counties;
    private final PipelineStarter starter;
    private final TransactionTemplate transactions;
    /** Reads the registry as committed, beside the import's own transaction. */
    private final TransactionTemplate committed;
    /** Rows written together: new stations in one batch per table. */
    static final int CHUNK = 500;
    private final long maxRows;
    private final int inlineStarts;
    private final EndpointPolicy endpoints;

    public StationImport(StationQueries queries, StationWriter writer, StationChanges changes,
                         CountyRegistry counties, PipelineStarter starter, TransactionTemplate transactions,
                         @Value("${election-prep.api.max-import-rows:100000}") long maxRows,
                         @Value("${election-prep.api.inline-starts:500}") int inlineStarts, EndpointPolicy endpoints) {
        this.inlineStarts = inlineStarts;
        this.endpoints = endpoints;
        this.queries = queries;
        this.writer = writer;
        this.changes = changes;
        this.counties = counties;
        this.starter = starter;
        this.transactions = transactions;
        this.committed = new TransactionTemplate(transactions.getTransactionManager());
        this.committed.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.committed.setReadOnly(true);
        this.maxRows = maxRows;
    }

    public Result importFile(Path path, ImportFile.Format format, ApiCaller caller) {
        ImportFile file = new ImportFile(path, format);
        long start = System.nanoTime();
        Set<String> fileCounties = check(file, caller);
        long checked = System.nanoTime();
        try {
            Result result = apply(file, fileCounties, caller);
            log.info("Import by {}: {} rows checked in {} ms, written in {} ms ({} new, {} updated)", caller.user(),
                    result.rows(), (checked - start) / 1_000_000, (System.nanoTime() - checked) / 1_000_000,
                    result.created(), result.updated());
            return result;
        } catch (DataIntegrityViolationException e) {
            throw concurrentChange();
        }
    }

    private Result apply(ImportFile file, Set<String> fileCounties, ApiCaller caller) {
        AuditAction action = new AuditAction(caller.user(), null, null, null);
        int[] counts = new int[4];
        List<String> created = new ArrayList<>();
        long rows = transactions.execute(status -> {
            // The counties first, in one order, as every county-wide step takes them: a finalization cannot slip in
            // between this import's reading "not finalized" and its writing.
            new TreeSet<>(fileCounties).forEach(counties::lock);
            List<Row> chunk = new ArrayList<>(CHUNK);
            long read = file.forEach((line, values, unreadable) -> {
                chunk.add(Row.of(line, values, unreadable));
                if (chunk.size() == CHUNK) {
                    write(chunk, action, counts, created);
                    chunk.clear();
                }
            });
            write(chunk, action, counts, created);
            return read;
        });
        if (counts[0] > inlineStarts) {
            starter.startPendingInBackground();
            return new Result(rows, counts[0], counts[1], counts[2], counts[3], 0, counts[0]);
        }
        int started;
        try {
            started = starter.start(created);
        } catch (RuntimeException e) {
            // The stations are in; what did not start is still marked and starts in the background.
            starter.startPendingInBackground();
            return new Result(rows, counts[0], counts[1], counts[2], counts[3], 0, counts[0]);
        }
        return new Result(rows, counts[0], counts[1], counts[2], counts[3], started, 0);
    }

    /**
     * A chunk of the file: its new stations inserted in batches, the others compared one by one (an update, a held
     * change or nothing), each completed from the station as it stands where the file leaves columns out. Chunks keep
     * the memory the same for a file of any size.
     */
    private void write(List<Row> chunk, AuditAction action, int[] counts, List<String> created) {
        if (chunk.isEmpty()) {
            return;
        }
        // Asked outside the import's transaction: the stations this import already inserted are not in the registry's
        // committed state (nor in this file again: codes are unique in it), and a query over the rows a long
        // transaction keeps adding can be planned as a scan of them all, once per chunk.
        List<String> codes = chunk.stream().map(Row::code).toList();
        Set<String> existing = new java.util.HashSet<>(committed.execute(status -> queries.existingCodes(codes)));
        List<ImportedStation> fresh = chunk.stream().filter(row -> !existing.contains(row.code()))
                .map(row -> valid(row, null)).toList();
        writer.insertAll(fresh, action);
        counts[0] += fresh.size();
        for (ImportedStation s : fresh) {
            if (created.size() <= inlineStarts) {
                created.add(s.code());
            }
        }
        // The stations the chunk changes, as they stand in this transaction, in one query.
        Map<String, Map<String, Object>> stations = existing.isEmpty() ? Map.of() : queries.stations(existing);
        for (Row row : chunk) {
            if (!existing.contains(row.code())) {
                continue;
            }
            Map<String, Object> current = stations.get(row.code());
            ImportedStation s = valid(row, current);
            List<String> differences = writer.differences(s, current);
            if (differences.isEmpty()) {
                changes.withdraw(s.code());
                counts[2]++;
            } else if (counties.isFinalized(s.county())) {
                if (changes.hold(s, differences, action)) {
                    counts[3]++;
                } else {
                    counts[2]++; // the same change is already waiting for the governor
                }
            } else {
                writer.update(s, current, differences, action);
                counts[1]++;
            }
        }
    }

    /**
     * A row of the second pass, completed from the station as it now stands. The first pass found it valid as completed
     * then; a row that no longer is (another change came between the passes) stops the import, nothing written.
     */
    private static ImportedStation valid(Row row, Map<String, Object> current) {
        ImportedStation station = StationColumns.parse(row.line(), StationColumns.completed(row.values(), current),
                new ArrayList<>());
        if (station == null) {
            throw concurrentChange();
        }
        return station;
    }

    private static ApiProblem concurrentChange() {
        return new ApiProblem(HttpStatus.CONFLICT, "concurrent-change", "Changed meanwhile", "Another import or a"
                + " process changed these stations or circuits while this file was imported; nothing of this file"
                + " was written. Send it again.");
    }

    /**
     * A row as the file gives it: its values by column (only the columns it has), or why it could not be read, and
     * its station code as stored (null when it has none).
     */
    private record Row(long line, Map<String, String> values, List<RowError> unreadable, String code) {

        static Row of(long line, Map<String, String> values, List<RowError> unreadable) {
            return new Row(line, values, unreadable, StationColumns.code(values));
        }
    }

    /** The first pass: every row read and checked, nothing written; answers the counties the file names. */
    private Set<String> check(ImportFile file, ApiCaller caller) {
        FirstPass pass = new FirstPass(caller);
        file.forEach((line, values, unreadable) -> pass.add(Row.of(line, values, unreadable)));
        return pass.finish();
    }

    /**
     * The first pass's state: what the file named so far (codes, circuits, counties) and the errors found. Rows are
     * checked a chunk at a time, so that the registry is asked once per chunk.
     */
    private final class FirstPass {

        private final ApiCaller caller;
        private final Set<String> fileCounties = new HashSet<>();
        private final Map<String, String> districtCounty = new HashMap<>();
        private final Set<String> knownCounties;
        private final Map<String, Long> codes = new HashMap<>();
        private final Map<String, String> circuits = new HashMap<>();
        private final List<RowError> errors = new ArrayList<>();
        private final List<RowError> forbidden = new ArrayList<>();
        private long errorCount;
        private long forbiddenCount;
        private long rows;
        private final List<Row> chunk = new ArrayList<>(CHUNK);

        FirstPass(ApiCaller caller) {
            this.caller = caller;
            districtCounty.putAll(queries.districtCounties());
            this.knownCounties = new HashSet<>(counties.codes());
        }

        void add(Row row) {
            if (++rows > maxRows) {
                throw new ApiProblem(HttpStatus.PAYLOAD_TOO_LARGE, "too-many-rows", "Too many rows", "An import may"
                        + " have at most " + maxRows + " rows; split the file by county");
            }
            chunk.add(row);
            if (chunk.size() == CHUNK) {
                flush();
            }
        }

        Set<String> finish() {
            flush();
            if (!forbidden.isEmpty()) {
                throw new ApiProblem(HttpStatus.FORBIDDEN, "forbidden-county", "Not your county's stations",
                        forbiddenCount + " row(s) name a county this account may not import; nothing was imported",
                        forbidden, forbiddenCount);
            }
            if (errorCount > 0) {
                throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-rows", "Invalid rows", errorCount
                        + " invalid value(s); nothing was imported. Fix every listed row and send the whole file again",
                        errors, errorCount);
            }
            fileCounties.retainAll(knownCounties);
            return fileCounties;
        }

        private void flush() {
            Map<String, Map<String, Object>> current = stationsOfIncompleteRows();
            List<Pending> pending = new ArrayList<>(chunk.size());
            for (Row row : chunk) {
                pending.add(check(row, row.code() == null ? null : current.get(row.code())));
            }
            checkAgainstRegistry(pending);
            for (Pending row : pending) {
                errorCount += row.errors().size();
                for (RowError error : row.errors()) {
                    if (errors.size() < LISTED_ERRORS) {
                        errors.add(error);
                    }
                }
            }
            chunk.clear();
        }

        /** The stations that the chunk's rows leaving columns out would change, as they stand; none for full rows. */
        private Map<String, Map<String, Object>> stationsOfIncompleteRows() {
            Set<String> incomplete = new java.util.LinkedHashSet<>();
            for (Row row : chunk) {
                if (row.code() != null && row.unreadable().isEmpty() && !StationColumns.isComplete(row.values())) {
                    incomplete.add(row.code());
                }
            }
            return incomplete.isEmpty() ? Map.of() : queries.stations(incomplete);
        }

        /** One row, completed from its station where it leaves columns out, checked on its own and against the file. */
        private Pending check(Row row, Map<String, Object> current) {
            long line = row.line();
            List<RowError> rowErrors = new ArrayList<>(row.unreadable());
            ImportedStation s = row.unreadable().isEmpty()
                    ? StationColumns.parse(line, StationColumns.completed(row.values(), current), rowErrors) : null;
            if (s != null) {
                fileCounties.add(s.county());
                if (!knownCounties.contains(s.county())) {
                    rowErrors.add(new RowError(line, s.code(), "county", "no county '" + s.county() + "' in the registry"));
                } else if (!caller.mayImport(s.county())) {
                    forbiddenCount++;
                    if (forbidden.size() < LISTED_ERRORS) {
                        forbidden.add(new RowError(line, s.code(), "county", "this account may not import stations of '"
                                + s.county() + "'"));
                    }
                }
                if (s.district() == null) {
                    rowErrors.add(new RowError(line, s.code(), "district", "a district is required: the station's site"
                            + " verification goes to its district's head"));
                } else if (!s.county().equals(districtCounty.get(s.district()))) {
                    rowErrors.add(new RowError(line, s.code(), "district", districtCounty.containsKey(s.district())
                            ? "district '" + s.district() + "' belongs to county '" + districtCounty.get(s.district()) + "'"
                            : "no district '" + s.district() + "' in the registry"));
                }
                Long earlier = codes.putIfAbsent(s.code(), line);
                if (earlier != null) {
                    rowErrors.add(new RowError(line, s.code(), "code", "the code is also on line " + earlier));
                }
                for (ImportedStation.Link link : new ImportedStation.Link[] {s.primary(), s.backup()}) {
                    if (link != null) {
                        checkCircuitInFile(line, s, link, circuits, rowErrors);
                        String field = link == s.primary() ? "primary_endpoint" : "backup_endpoint";
                        endpoints.refusal(link.endpoint()).ifPresent(why ->
                                rowErrors.add(new RowError(line, s.code(), field, "the endpoint " + why)));
                    }
                }
            }
            return new Pending(line, s, rowErrors);
        }
    }

    /** A row of the first pass, its errors so far; the registry is asked once per chunk of rows. */
    private record Pending(long line, ImportedStation station, List<RowError> errors) {
    }

    private void checkCircuitInFile(long line, ImportedStation s, ImportedStation.Link link, Map<String, String> circuits,
                                    List<RowError> rowErrors) {
        String other = circuits.putIfAbsent(link.circuitId(), s.code());
        String field = link == s.primary() ? "primary_circuit" : "backup_circuit";
        if (other != null && !other.equals(s.code())) {
            rowErrors.add(new RowError(line, s.code(), field, "circuit '" + link.circuitId()
                    + "' is also given for station " + other));
        } else if (other != null) {
            rowErrors.add(new RowError(line, s.code(), field, "the primary and backup links have the same circuit"));
        }
    }

    /** Circuits that belong to another station, and stations that would move to another county: two queries a chunk. */
    private void checkAgainstRegistry(List<Pending> chunk) {
        List<ImportedStation> stations = chunk.stream().map(Pending::station).filter(java.util.Objects::nonNull).toList();
        if (stations.isEmpty()) {
            return;
        }
        Map<String, String> countyOf = queries.countiesOf(stations.stream().map(ImportedStation::code).distinct()
                .toList());
        List<String> circuitIds = stations.stream().flatMap(s -> java.util.stream.Stream.of(s.primary(), s.backup()))
                .filter(java.util.Objects::nonNull).map(ImportedStation.Link::circuitId).distinct().toList();
        Map<String, String> ownerOf = queries.circuitOwners(circuitIds);
        for (Pending row : chunk) {
            ImportedStation s = row.station();
            if (s == null) {
                continue;
            }
            for (ImportedStation.Link link : new ImportedStation.Link[] {s.primary(), s.backup()}) {
                String owner = link == null ? null : ownerOf.get(link.circuitId());
                if (owner != null && !owner.equals(s.code())) {
                    row.errors().add(new RowError(row.line(), s.code(), link == s.primary() ? "primary_circuit"
                            : "backup_circuit", "circuit '" + link.circuitId() + "' belongs to station " + owner));
                }
            }
            String county = countyOf.getOrDefault(s.code(), s.county());
            if (!s.county().equals(county)) {
                row.errors().add(new RowError(row.line(), s.code(), "county", "the station is in county '" + county
                        + "'; a station cannot move to another county"));
            }
        }
    }

}
