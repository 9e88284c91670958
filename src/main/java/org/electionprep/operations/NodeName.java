package org.electionprep.operations;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * This app node's name in a cluster ({@code election-prep.node.name}, by default the host name, which is the
 * container's id under Docker): recorded with each link test, since every node probes from its own network path.
 */
@Component
public class NodeName {

    private final String name;

    public NodeName(@Value("${election-prep.node.name:}") String configured) {
        this.name = configured.isBlank() ? hostName() : configured.strip();
        // Stored with every link test (100 characters) and in job locks: a longer name would fail every check.
        if (name.length() > 60) {
            throw new IllegalArgumentException("election-prep.node.name must be at most 60 characters: '" + name + "'");
        }
    }

    public String get() {
        return name;
    }

    private static String hostName() {
        // Set by the shell and by Docker; asking the resolver instead may wait on a reverse lookup.
        String fromEnvironment = System.getenv("HOSTNAME");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment.strip();
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }
}
