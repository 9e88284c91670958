package org.electionprep.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;

import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The models of a classpath folder as the build lays them out: BPMN and DMN at its top, Camunda Forms under
 * {@code forms/}. Read with Spring's resolver, which also reads them inside the packaged jar; the engine's own archive
 * scanner finds nothing there (the jar's {@code jar:nested:} URLs), so the jar deployed no model (ENGINE-08021).
 */
@Component
public class ClasspathModels {

    private static final String[] PATTERNS = {"*.bpmn", "*.dmn", "forms/*.form"};

    private final PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();

    /** The folder's models by deployment resource name ({@code station-readiness.bpmn}, {@code forms/x.form}). */
    private Map<String, Resource> in(String folder) {
        Map<String, Resource> models = new TreeMap<>();
        try {
            for (String pattern : PATTERNS) {
                String subfolder = pattern.substring(0, pattern.lastIndexOf('/') + 1);
                for (Resource model : resolver.getResources("classpath:" + folder + "/" + pattern)) {
                    models.put(subfolder + model.getFilename(), model);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the models in classpath:" + folder, e);
        }
        if (models.isEmpty()) {
            throw new IllegalStateException("No models in classpath:" + folder + "; the build copies them there");
        }
        return models;
    }

    /** Adds the folder's models to a deployment. */
    public void addTo(DeploymentBuilder deployment, String folder) {
        in(folder).forEach((name, model) -> {
            try {
                deployment.addInputStream(name, model.getInputStream());
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + model, e);
            }
        });
    }
}
