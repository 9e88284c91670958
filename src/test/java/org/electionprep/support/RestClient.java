package org.electionprep.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A plain HTTP client for integration tests: what an integrator with curl would do, with basic auth. */
public final class RestClient {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final String base;

    public RestClient(int port) {
        this.base = "http://localhost:" + port;
    }

    public record Response(int status, String body, JsonNode json, String contentType) {

        Response(int status, String body, JsonNode json) {
            this(status, body, json, null);
        }
    }

    public Response get(String path, String user, String password) {
        return send(request(path, user, password).GET().build());
    }

    public Response post(String path, String user, String password, String jsonBody) {
        return send(request(path, user, password).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(jsonBody, StandardCharsets.UTF_8)).build());
    }

    /** A body of any type, as bytes (e.g. a CSV file with its byte-order mark). */
    public Response post(String path, String user, String password, String contentType, byte[] body) {
        HttpRequest.Builder builder = request(path, user, password).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        return send(builder.build());
    }

    /** A JSON body, asking for the answer in the given type (e.g. application/hal+json). */
    public Response post(String path, String user, String password, String jsonBody, String accept) {
        return send(request(path, user, password).header("Content-Type", "application/json").header("Accept", accept)
                .POST(HttpRequest.BodyPublishers.ofString(jsonBody, StandardCharsets.UTF_8)).build());
    }

    /** Any method, with an optional JSON body (PUT, PATCH, DELETE ...). */
    public Response method(String method, String path, String user, String password, String jsonBody) {
        HttpRequest.BodyPublisher body = jsonBody == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(jsonBody, StandardCharsets.UTF_8);
        return send(request(path, user, password).header("Content-Type", "application/json").method(method, body)
                .build());
    }

    public Response get(String path, String user, String password, String accept) {
        return send(request(path, user, password).header("Accept", accept).GET().build());
    }

    /** The headers of a GET's answer. */
    public java.net.http.HttpHeaders headers(String path, String user, String password) {
        try {
            return http.send(request(path, user, password).GET().build(), HttpResponse.BodyHandlers.discarding())
                    .headers();
        } catch (IOException e) {
            throw new IllegalStateException("HTTP GET " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest.Builder request(String path, String user, String password) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (user != null) {
            builder.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return builder;
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            JsonNode node = null;
            String body = response.body();
            if (body != null && !body.isBlank() && (body.startsWith("{") || body.startsWith("["))) {
                node = json.readTree(body);
            }
            return new Response(response.statusCode(), body, node,
                    response.headers().firstValue("Content-Type").orElse(null));
        } catch (IOException e) {
            throw new IllegalStateException("HTTP " + request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
