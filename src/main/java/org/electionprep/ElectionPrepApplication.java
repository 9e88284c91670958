package org.electionprep;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class ElectionPrepApplication {

    public static void main(String[] args) {
        SpringApplication.run(ElectionPrepApplication.class, args);
    }
}
