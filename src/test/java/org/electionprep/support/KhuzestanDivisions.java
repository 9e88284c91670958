package org.electionprep.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.electionprep.division.DivisionImport;
import org.electionprep.identity.ProfileSeeder;
import org.electionprep.integration.DivisionFile;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.core.io.ClassPathResource;

/**
 * The tests' country: Khuzestan, its eight counties and their districts (the demo's divisions file), imported at
 * start-up as an operator's first import would bring them, so that tests find the places production has after it.
 */
@TestComponent
public class KhuzestanDivisions implements ProfileSeeder {

    public static final String FILE = "demo/divisions.csv";

    private final DivisionImport divisions;

    public KhuzestanDivisions(DivisionImport divisions) {
        this.divisions = divisions;
    }

    @Override
    public void seed() {
        divisions.importRows(DivisionFile.read(bytes(), true));
    }

    public static byte[] bytes() {
        try (InputStream in = new ClassPathResource(FILE).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
