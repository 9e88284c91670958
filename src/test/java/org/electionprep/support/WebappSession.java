package org.electionprep.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * A browser's session with the webapps: their own sign-in (the page hands out the CSRF cookie, the form is posted
 * with it), then calls with the session cookie and, for writes, the current CSRF token.
 */
public final class WebappSession {

    private final CookieManager cookies = new CookieManager();
    private final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();
    private final String base;

    public WebappSession(int port) {
        this.base = "http://localhost:" + port;
    }

    /** Signs in to one webapp (tasklist, cockpit ...); answers the HTTP status of the sign-in. */
    public int login(String user, String password, String app) {
        send(HttpRequest.newBuilder(uri("/camunda/app/" + app + "/default/")).build());
        int status = send(HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default/login/" + app))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", csrf())
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + password)).build())
                .statusCode();
        // Signing in starts a new session with a new token, as in the browser.
        send(HttpRequest.newBuilder(uri("/camunda/app/" + app + "/default/")).build());
        return status;
    }

    /** Opens a webapp's page without signing in: the session and CSRF cookies a login form is posted with. */
    public void visit(String app) {
        send(HttpRequest.newBuilder(uri("/camunda/app/" + app + "/default/")).build());
    }

    /** The session's cookies as a Cookie header, for a hand-written request. */
    public String cookieHeader() {
        return String.join("; ", cookies.getCookieStore().getCookies().stream().map(HttpCookie::toString).toList());
    }

    public String csrfToken() {
        return csrf();
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).header("Accept", "application/json").build());
    }

    /** A write, with the session's CSRF token. */
    public HttpResponse<String> post(String path, String contentType, String body, String accept) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType).header("Accept", accept)
                .header("X-XSRF-TOKEN", csrf()).POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** A write without the CSRF token, as a page of another site could send it. */
    public HttpResponse<String> postWithoutToken(String path, String contentType, String body) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private String csrf() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue).reduce((first, last) -> last).orElse("");
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("HTTP " + request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create(base + path);
    }
}
