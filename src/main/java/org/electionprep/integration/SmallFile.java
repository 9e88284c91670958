package org.electionprep.integration;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A file small enough to read whole (a country's divisions, its officials): CSV with a header line, or a JSON array
 * of objects, with a format's columns. Each row comes with its line (CSV: the file's line; JSON: the element's
 * position) and its values by column; a column left out of the file, an empty cell and a JSON null are all absent.
 * A file that cannot be read, or that names columns the format lacks, is a 400 for the whole.
 */
final class SmallFile {

    /** A row: its line and its values by column (absent columns are not in the map). */
    record Row(long line, Map<String, String> values) {

        String get(String column) {
            return values.get(column);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<String> columns;
    private final Set<String> required;
    private final String what;

    /** @param what what the file holds, for the messages ("divisions", "officials") */
    SmallFile(List<String> columns, Set<String> required, String what) {
        this.columns = List.copyOf(columns);
        this.required = Set.copyOf(required);
        this.what = what;
    }

    /** Whether the request sends CSV (else JSON, which the endpoints' consumes leaves as the only other). */
    static boolean isCsv(jakarta.servlet.http.HttpServletRequest request) {
        return org.springframework.http.MediaType.parseMediaType(request.getContentType()).getSubtype()
                .toLowerCase(java.util.Locale.ROOT).equals("csv");
    }

    /** A refused file's rows as a 400: the first ones listed, all counted; nothing was imported. */
    static ApiProblem invalidRows(List<ApiProblem.RowError> all) {
        List<ApiProblem.RowError> listed = all.stream().limit(StationImport.LISTED_ERRORS).toList();
        return new ApiProblem(org.springframework.http.HttpStatus.BAD_REQUEST, "invalid-rows", "Invalid rows",
                all.size() + " errors in the file (the first " + listed.size() + " listed); nothing was imported",
                listed, all.size());
    }

    /** The request's body, refused with 413 beyond maxBytes. */
    static byte[] body(java.io.InputStream in, int maxBytes, String what) throws IOException {
        byte[] bytes = in.readNBytes(maxBytes + 1);
        if (bytes.length > maxBytes) {
            throw new ApiProblem(org.springframework.http.HttpStatus.PAYLOAD_TOO_LARGE, "file-too-large",
                    "File too large", "A file of " + what + " may have at most " + maxBytes + " bytes");
        }
        return bytes;
    }

    List<Row> read(byte[] bytes, boolean csv) {
        String text = utf8(bytes);
        if (text.isBlank()) {
            throw ApiProblem.badRequest("empty-file", "Empty file", "The file has no " + what);
        }
        return csv ? csv(text) : json(text);
    }

    private List<Row> csv(String text) {
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setTrim(true).get().parse(new StringReader(text))) {
            checkHeader(parser.getHeaderNames());
            List<Row> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                Map<String, String> values = new HashMap<>();
                for (String column : columns) {
                    String value = record.isMapped(column) && record.isSet(column) ? record.get(column) : null;
                    if (value != null && !value.isEmpty()) {
                        values.put(column, SpreadsheetCells.restored(value));
                    }
                }
                rows.add(new Row(record.getRecordNumber() + 1, values));
            }
            return rows;
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw ApiProblem.badRequest("unreadable-file", "Unreadable file", "The CSV cannot be read: "
                    + e.getMessage());
        }
    }

    private List<Row> json(String text) {
        JsonNode array;
        try {
            array = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw ApiProblem.badRequest("unreadable-file", "Unreadable file", "The JSON cannot be read: "
                    + e.getOriginalMessage());
        }
        if (array == null || !array.isArray()) {
            throw ApiProblem.badRequest("unreadable-file", "Unreadable file", "A JSON " + what + " file is an array"
                    + " of objects with the fields " + columns);
        }
        List<Row> rows = new ArrayList<>();
        long index = 0;
        for (JsonNode item : array) {
            index++;
            if (!item.isObject()) {
                throw ApiProblem.badRequest("unreadable-file", "Unreadable file", "Element " + index
                        + " of the array is not an object");
            }
            List<String> fields = new ArrayList<>();
            item.fieldNames().forEachRemaining(fields::add);
            List<String> unknown = fields.stream().filter(name -> !columns.contains(name)).toList();
            if (!unknown.isEmpty()) {
                throw ApiProblem.badRequest("unknown-columns", "Unknown fields", "Element " + index + " has fields"
                        + " this format does not have: " + unknown + "; the fields are " + columns);
            }
            Map<String, String> values = new HashMap<>();
            for (String column : columns) {
                JsonNode value = item.get(column);
                if (value != null && !value.isNull() && !value.asText().isEmpty()) {
                    values.put(column, value.asText());
                }
            }
            rows.add(new Row(index, values));
        }
        return rows;
    }

    private void checkHeader(List<String> header) {
        List<String> unknown = header.stream().filter(name -> !columns.contains(name)).toList();
        if (!unknown.isEmpty()) {
            throw ApiProblem.badRequest("unknown-columns", "Unknown columns", "The header names columns this format"
                    + " does not have: " + unknown + "; the columns are " + columns);
        }
        List<String> missing = required.stream().filter(name -> !header.contains(name)).sorted().toList();
        if (!missing.isEmpty()) {
            throw ApiProblem.badRequest("missing-columns", "Missing columns", "The header lacks " + missing
                    + "; the columns are " + columns);
        }
    }

    /** UTF-8 strictly, without a byte-order mark. */
    private static String utf8(byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw ImportFile.notUtf8();
        }
    }
}
