package org.electionprep.integration;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.electionprep.division.DivisionImport;

/**
 * A divisions file as an administrator sends it: CSV with a header line, or a JSON array of objects, with the columns
 * level, code, name and parent. A country's divisions fit in a small file, so it is read whole, up to a limit.
 */
public final class DivisionFile {

    public static final List<String> COLUMNS = List.of("level", "code", "name", "parent");
    private static final Set<String> REQUIRED = Set.of("level", "code", "name");
    private static final ObjectMapper JSON = new ObjectMapper();

    private DivisionFile() {
    }

    /** The rows of a file; a file that cannot be read, or names columns the format lacks, is a 400 for the whole. */
    public static List<DivisionImport.Row> read(byte[] bytes, boolean csv) {
        String text = utf8(bytes);
        if (text.isBlank()) {
            throw ApiProblem.badRequest("empty-file", "Empty file", "The file has no divisions");
        }
        return csv ? csv(text) : json(text);
    }

    private static List<DivisionImport.Row> csv(String text) {
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setTrim(true).get().parse(new StringReader(text))) {
            checkColumns(parser.getHeaderNames());
            List<DivisionImport.Row> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                rows.add(new DivisionImport.Row(record.getRecordNumber() + 1, value(record, "level"),
                        value(record, "code"), value(record, "name"), value(record, "parent")));
            }
            return rows;
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw ApiProblem.badRequest("unreadable-file", "Unreadable file", "The CSV cannot be read: "
                    + e.getMessage());
        }
    }

    private static String value(CSVRecord record, String column) {
        String value = record.isMapped(column) && record.isSet(column) ? record.get(column) : null;
        return value == null || value.isEmpty() ? null : SpreadsheetCells.restored(value);
    }

    private static List<DivisionImport.Row> json(String text) {
        JsonNode array;
        try {
            array = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw ApiProblem.badRequest("unreadable-file", "Unreadable file", "The JSON cannot be read: "
                    + e.getOriginalMessage());
        }
        if (array == null || !array.isArray()) {
            throw ApiProblem.badRequest("unreadable-file", "Unreadable file", "A JSON divisions file is an array of"
                    + " objects with the fields " + COLUMNS);
        }
        List<DivisionImport.Row> rows = new ArrayList<>();
        long index = 0;
        for (JsonNode item : array) {
            index++;
            if (!item.isObject()) {
                throw ApiProblem.badRequest("unreadable-file", "Unreadable file", "Element " + index
                        + " of the array is not an object");
            }
            List<String> fields = new ArrayList<>();
            item.fieldNames().forEachRemaining(fields::add);
            checkColumns(fields, index);
            rows.add(new DivisionImport.Row(index, text(item, "level"), text(item, "code"), text(item, "name"),
                    text(item, "parent")));
        }
        return rows;
    }

    private static String text(JsonNode item, String field) {
        JsonNode value = item.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static void checkColumns(List<String> header) {
        List<String> unknown = header.stream().filter(name -> !COLUMNS.contains(name)).toList();
        if (!unknown.isEmpty()) {
            throw ApiProblem.badRequest("unknown-columns", "Unknown columns", "The header names columns this format"
                    + " does not have: " + unknown + "; the columns are " + COLUMNS);
        }
        List<String> missing = REQUIRED.stream().filter(name -> !header.contains(name)).sorted().toList();
        if (!missing.isEmpty()) {
            throw ApiProblem.badRequest("missing-columns", "Missing columns", "The header lacks " + missing
                    + "; the columns are " + COLUMNS);
        }
    }

    private static void checkColumns(List<String> fields, long element) {
        List<String> unknown = fields.stream().filter(name -> !COLUMNS.contains(name)).toList();
        if (!unknown.isEmpty()) {
            throw ApiProblem.badRequest("unknown-columns", "Unknown fields", "Element " + element + " has fields"
                    + " this format does not have: " + unknown + "; the fields are " + COLUMNS);
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
