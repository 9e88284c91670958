package org.electionprep.integration;

import java.util.List;
import java.util.Set;

import org.electionprep.division.DivisionImport;

/**
 * A divisions file as an administrator sends it: CSV with a header line, or a JSON array of objects, with the columns
 * level, code, name and parent. A country's divisions fit in a small file, so it is read whole, up to a limit.
 */
public final class DivisionFile {

    public static final List<String> COLUMNS = List.of("level", "code", "name", "parent");
    private static final SmallFile FORMAT = new SmallFile(COLUMNS, Set.of("level", "code", "name"), "divisions");

    private DivisionFile() {
    }

    /** The rows of a file; a file that cannot be read, or names columns the format lacks, is a 400 for the whole. */
    public static List<DivisionImport.Row> read(byte[] bytes, boolean csv) {
        return FORMAT.read(bytes, csv).stream().map(row -> new DivisionImport.Row(row.line(), row.get("level"),
                row.get("code"), row.get("name"), row.get("parent"))).toList();
    }
}
