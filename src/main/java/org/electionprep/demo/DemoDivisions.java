package org.electionprep.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.electionprep.division.DivisionImport;
import org.electionprep.identity.ProfileSeeder;
import org.electionprep.integration.DivisionFile;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * DEMO ONLY: Khuzestan, its eight counties and their districts, from a divisions file through the import, as an
 * operator's would come; first of the demo's seeders, since its users and stations need the places. The same file
 * again changes nothing.
 */
@Component
@Profile("demo")
@Order(0)
public class DemoDivisions implements ProfileSeeder {

    static final String FILE = "demo/divisions.csv";

    private final DivisionImport divisions;

    public DemoDivisions(DivisionImport divisions) {
        this.divisions = divisions;
    }

    @Override
    public void seed() {
        try (InputStream in = new ClassPathResource(FILE).getInputStream()) {
            divisions.importRows(DivisionFile.read(in.readAllBytes(), true));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
