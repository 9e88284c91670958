package org.electionprep.integration;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
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
import com.fasterxml.jackson.core.StreamReadConstraints;
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

    /** Longest value or line a station file may have: no column needs more; a longer one is not read into memory. */
    static final int MAX_VALUE = 100_000;
    static final int ERRORS_PER_ROW = 10;
    /** Station objects are flat: a deeper nesting is refused as it streams, not followed. */
    private static final JsonFactory FACTORY = JsonFactory.builder().streamReadConstraints(StreamReadConstraints.builder()
            .maxStringLength(MAX_VALUE).maxNestingDepth(16).maxNumberLength(100).build()).build();

    /** Receives each row: its line in the file and its values, or the errors that kept it from being read. */
    interface RowHandler {
        void row(long line, Map<String, String> values, List<RowError> unreadable);
    }

    private final Path path;
    private final Format format;

    ImportFile(Path path, Format format) {
        this.path = path;
        this.format = format;
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
        } catch (CharacterCodingException e) {
            throw notUtf8();
        } catch (BoundedLines.TooLong e) {
            throw lineTooLong();
        } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                throw notUtf8();
            }
            if (e.getCause() instanceof BoundedLines.TooLong) {
                throw lineTooLong();
            }
            // commons-csv refuses a header with an empty or repeated name, and an unclosed quote, this way.
            throw ApiProblem.badRequest("unreadable-csv", "Unreadable CSV", "The CSV cannot be read: " + e.getMessage());
        }
    }

    private long readCsv(RowHandler handler) throws IOException {
        try (Reader reader = new BoundedLines(withoutBom(Files.newInputStream(path)), MAX_VALUE);
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
                        String value = SpreadsheetCells.restored(record.get(i));
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
        try (InputStream in = Files.newInputStream(path); JsonParser parser = FACTORY.createParser(in)) {
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
                        readObject(parser, line, values, unreadable);
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

    /**
     * One station object, field by field as it streams: its values, and up to {@link #ERRORS_PER_ROW} errors (an
     * object of millions of unknown fields costs no memory). Nested values are skipped, never built.
     */
    private static void readObject(JsonParser parser, long line, Map<String, String> values, List<RowError> unreadable)
            throws IOException {
        List<String[]> problems = new ArrayList<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if (!StationColumns.COLUMNS.contains(field)) {
                problem(problems, field, "unknown field; the fields are " + StationColumns.COLUMNS);
                parser.skipChildren();
            } else if (value == JsonToken.VALUE_NULL) {
                values.put(field, null);
            } else if (value == JsonToken.VALUE_STRING || (value.isNumeric() && StationColumns.NUMERIC.contains(field))) {
                String text = parser.getText();
                values.put(field, text.isBlank() ? null : text);
            } else {
                problem(problems, field, "wrong type: expected " + (StationColumns.NUMERIC.contains(field) ? "a number"
                        : "text") + ", found " + kind(value));
                parser.skipChildren();
            }
        }
        String code = values.get("code");
        for (String[] p : problems) {
            unreadable.add(new RowError(line, code, p[0], p[1]));
        }
    }

    private static void problem(List<String[]> problems, String field, String reason) {
        if (problems.size() < ERRORS_PER_ROW) {
            problems.add(new String[] {field, reason});
        }
    }

    private static String kind(JsonToken token) {
        return switch (token) {
            case START_OBJECT -> "object";
            case START_ARRAY -> "array";
            case VALUE_TRUE, VALUE_FALSE -> "boolean";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "number";
            case VALUE_STRING -> "string";
            default -> token.name().toLowerCase();
        };
    }

    private static ApiProblem invalidJson(JsonProcessingException e) {
        // A nesting or length limit (StreamReadConstraints) may come without a location.
        String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr();
        return ApiProblem.badRequest("invalid-json", "Invalid JSON", "The JSON is malformed" + where + ": "
                + e.getOriginalMessage());
    }

    /** Persian Excel saves "CSV" in Windows-1256: decoded as UTF-8 it would be stored as replacement characters. */
    static ApiProblem notUtf8() {
        return ApiProblem.badRequest("not-utf-8", "Not UTF-8", "The file is not UTF-8. A CSV saved by Excel in Persian"
                + " Windows is Windows-1256: save it as \"CSV UTF-8\", or send it with the header"
                + " Content-Type: text/csv; charset=windows-1256");
    }

    private static ApiProblem lineTooLong() {
        return ApiProblem.badRequest("line-too-long", "Line too long", "The file has a line longer than " + MAX_VALUE
                + " characters; no station needs that much");
    }

    static ApiProblem empty() {
        return ApiProblem.badRequest("empty-file", "Empty file", "The file has no stations");
    }

    /** UTF-8, strictly (a byte that is not UTF-8 stops the read), with or without the byte-order mark. */
    private static Reader withoutBom(InputStream in) throws IOException {
        BufferedReader reader = new BufferedReader(new java.io.InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)));
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        return reader;
    }

    /**
     * A reader that fails on a line longer than its limit, before the CSV parser builds a value of it. A newline inside
     * a quoted value does not end the line: a value may not grow past the limit that way either.
     */
    static final class BoundedLines extends java.io.FilterReader {

        static final class TooLong extends IOException {
            TooLong() {
                super("line too long");
            }
        }

        private final int limit;
        private int sinceNewline;
        private boolean quoted;

        BoundedLines(Reader in, int limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            count(c);
            return c;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            for (int i = 0; i < n; i++) {
                count(buffer[offset + i]);
            }
            return n;
        }

        private void count(int c) throws TooLong {
            if (c == '"') {
                // An escaped quote ("") toggles twice: the state stays right.
                quoted = !quoted;
            }
            if (c == '\n' && !quoted) {
                sinceNewline = 0;
            } else if (c >= 0 && ++sinceNewline > limit) {
                throw new TooLong();
            }
        }
    }
}
