package org.electionprep.integration;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.electionprep.integration.ApiProblem.RowError;

/**
 * An uploaded station file, kept on disk and read row by row (never whole into memory), as CSV with a header line
 * or as a JSON array of objects, both with the columns of {@link StationColumns}. Rows come as strings (blank as
 * null); a value of the wrong type or an unknown field is an error of that row, a file that cannot be read at all is
 * a problem for the whole request.
 */
final class ImportFile {

    enum Format { CSV, JSON }

    /** Receives each row: its line in the file and its values, or the errors that kept it from being read. */
    interface RowHandler {
        void row(long line, Map<String, String> values, List<RowError> unreadable);
    }

    private final Path path;
    private final Format format;
    private final ObjectMapper json;

    ImportFile(Path path, Format format, ObjectMapper json) {
        this.path = path;
        this.format = format;
        this.json = json;
    }

    /** Reads every row in order; answers how many rows the file has. */
    long forEach(RowHandler handler) {
        try {
            return format == Format.CSV ? csv(handler) : json(handler);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private long csv(RowHandler handler) throws IOException {
        try {
            return readCsv(handler);
        } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            // commons-csv refuses a header with an empty or repeated name, and an unclosed quote, this way.
            throw ApiProblem.badRequest("unreadable-csv", "Unreadable CSV", "The CSV cannot be read: " + e.getMessage());
        }
    }

    private long readCsv(RowHandler handler) throws IOException {
        try (Reader reader = withoutBom(Files.newInputStream(path));
             CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                     .setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).get().parse(reader)) {
            List<String> header = parser.getHeaderNames();
            if (header.isEmpty()) {
                throw empty();
            }
            List<String> unknown = StationColumns.unknown(header);
            if (!unknown.isEmpty()) {
                throw ApiProblem.badRequest("unknown-columns", "Unknown columns", "The header names columns this"
                        + " format does not have: " + unknown + "; the columns are " + StationColumns.COLUMNS);
            }
            if (!header.contains(StationColumns.KEY)) {
                throw ApiProblem.badRequest("missing-columns", "Missing columns", "The header lacks the column '"
                        + StationColumns.KEY + "', by which rows are matched to stations; the columns are "
                        + StationColumns.COLUMNS);
            }
            long rows = 0;
            Iterator<CSVRecord> records = parser.iterator();
            while (records.hasNext()) {
                CSVRecord record = records.next();
                rows++;
                long line = record.getRecordNumber() + 1;
                List<RowError> unreadable = new ArrayList<>();
                Map<String, String> values = new HashMap<>();
                if (record.size() != header.size()) {
                    unreadable.add(new RowError(line, null, null, "the row has " + record.size()
                            + " values, the header " + header.size()));
                } else {
                    for (int i = 0; i < header.size(); i++) {
                        String value = record.get(i);
                        values.put(header.get(i), value == null || value.isBlank() ? null : value);
                    }
                }
                handler.row(line, values, unreadable);
            }
            if (rows == 0) {
                throw empty();
            }
            return rows;
        }
    }

    private long json(RowHandler handler) throws IOException {
        JsonFactory factory = json.getFactory();
        try (InputStream in = Files.newInputStream(path); JsonParser parser = factory.createParser(in)) {
            parser.setCodec(json);
            JsonToken first;
            try {
                first = parser.nextToken();
            } catch (JsonProcessingException e) {
                throw invalidJson(e);
            }
            if (first == null) {
                throw empty();
            }
            if (first != JsonToken.START_ARRAY) {
                throw ApiProblem.badRequest("invalid-json", "Invalid JSON",
                        "The body must be a JSON array of station objects, e.g. [{\"code\": \"AHV-0001\", ...}]");
            }
            long rows = 0;
            try {
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    rows++;
                    long line = parser.currentTokenLocation().getLineNr();
                    List<RowError> unreadable = new ArrayList<>();
                    Map<String, String> values = new HashMap<>();
                    if (parser.currentToken() != JsonToken.START_OBJECT) {
                        parser.skipChildren();
                        unreadable.add(new RowError(line, null, null, "element " + rows + " is not a JSON object"));
                    } else {
                        JsonNode object = parser.readValueAsTree();
                        String code = object.path("code").isValueNode() ? object.path("code").asText(null) : null;
                        object.fields().forEachRemaining(field -> {
                            JsonNode value = field.getValue();
                            if (!StationColumns.COLUMNS.contains(field.getKey())) {
                                unreadable.add(new RowError(line, code, field.getKey(), "unknown field; the fields are "
                                        + StationColumns.COLUMNS));
                            } else if (value.isNull()) {
                                values.put(field.getKey(), null);
                            } else if (value.isTextual() || (value.isNumber()
                                    && StationColumns.NUMERIC.contains(field.getKey()))) {
                                values.put(field.getKey(), value.asText().isBlank() ? null : value.asText());
                            } else {
                                unreadable.add(new RowError(line, code, field.getKey(), "wrong type: expected "
                                        + (StationColumns.NUMERIC.contains(field.getKey()) ? "a number" : "text")
                                        + ", found " + value.getNodeType().name().toLowerCase()));
                            }
                        });
                    }
                    handler.row(line, values, unreadable);
                }
            } catch (JsonProcessingException e) {
                throw invalidJson(e);
            }
            if (rows == 0) {
                throw empty();
            }
            return rows;
        }
    }

    private static ApiProblem invalidJson(JsonProcessingException e) {
        return ApiProblem.badRequest("invalid-json", "Invalid JSON", "The JSON is malformed at line "
                + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
    }

    static ApiProblem empty() {
        return ApiProblem.badRequest("empty-file", "Empty file", "The file has no stations");
    }

    /** UTF-8 with or without the byte-order mark that spreadsheet programs write. */
    private static Reader withoutBom(InputStream in) throws IOException {
        BufferedReader reader = new BufferedReader(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        return reader;
    }
}
