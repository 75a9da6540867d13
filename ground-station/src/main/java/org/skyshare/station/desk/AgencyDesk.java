package org.skyshare.station.desk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.FutureCallback;
import org.skyshare.station.alert.Acknowledgement;
import org.skyshare.station.alert.AgencyAction;
import org.skyshare.station.alert.AlertService;
import org.skyshare.station.alert.EvidenceLinker;
import org.skyshare.station.store.AlertRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The agency desk, served under {@code /desk/} by the station's HTTPS server: an agency logs in,
 * sees a map and the queue of its own alerts (evidence, thermal reading, history) and answers them
 * (acknowledge, crew on the way, resolved, dismiss with a reason); the page updates live over
 * server-sent events. Sessions are cookies (HttpOnly, Secure, SameSite=Strict); every answer must
 * carry the session's CSRF token and come from the desk's own origin; an agency can neither see
 * nor answer another agency's alerts.
 */
public final class AgencyDesk extends Handler.Abstract {
    public static final String PATH = "/desk/";
    private static final Logger LOG = LoggerFactory.getLogger(AgencyDesk.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COOKIE = "skyshare_desk";
    private final AlertService alerts;
    private final DeskLogins logins;
    private final DeskSessions sessions;
    private final DeskView view;
    private final Clock clock;
    private final Set<BlockingQueue<String>> listeners = new CopyOnWriteArraySet<>();
    private final String page;

    public AgencyDesk(AlertService alerts, DeskLogins logins, EvidenceLinker evidence, Clock clock) {
        this.alerts = alerts;
        this.logins = logins;
        this.sessions = new DeskSessions(clock);
        this.view = new DeskView(alerts, evidence, clock);
        this.clock = clock;
        this.page = resource("desk.html");
        alerts.onIncidentChanged(inc -> listeners.forEach(q -> q.offer(inc.id())));
    }

    private static String resource(String name) {
        try (InputStream in = AgencyDesk.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the agency desk page " + name + " is missing from the station's resources");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("reading the agency desk page " + name + " failed", e);
        }
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = request.getHttpURI().getPath();
        if (path == null || !(path + "/").startsWith(PATH)) {
            return false;
        }
        secureHeaders(response);
        String method = request.getMethod();
        Optional<DeskSessions.Session> session = sessions.find(cookie(request));
        switch (path) {
            case "/desk", "/desk/" -> {
                if (!"GET".equals(method)) {
                    return error(request, response, callback, HttpStatus.METHOD_NOT_ALLOWED_405, "GET only");
                }
                if (session.isEmpty()) {
                    return html(response, callback, loginPage(""));
                }
                return html(response, callback, page.replace("{{AGENCY}}", escape(session.get().agency()))
                        .replace("{{CSRF}}", session.get().csrfToken()));
            }
            case "/desk/login" -> {
                if (!"POST".equals(method) || !sameOrigin(request)) {
                    return error(request, response, callback, HttpStatus.FORBIDDEN_403, "log in from the desk's own page");
                }
                Map<String, String> form = form(Content.Source.asString(request, StandardCharsets.UTF_8));
                Optional<String> agency = logins.agency(form.getOrDefault("user", ""), form.getOrDefault("password", ""));
                if (agency.isEmpty()) {
                    LOG.warn("agency desk: failed login for '{}'", form.getOrDefault("user", ""));
                    response.setStatus(HttpStatus.UNAUTHORIZED_401);
                    return html(response, callback, loginPage("Unknown agency or wrong password."));
                }
                String id = sessions.open(agency.get());
                response.getHeaders().add(HttpHeader.SET_COOKIE, COOKIE + "=" + id
                        + "; Path=/desk; Secure; HttpOnly; SameSite=Strict; Max-Age=" + DeskSessions.LIFETIME.toSeconds());
                response.setStatus(HttpStatus.SEE_OTHER_303);
                response.getHeaders().put(HttpHeader.LOCATION, PATH);
                response.write(true, ByteBuffer.allocate(0), callback);
                return true;
            }
            default -> {
            }
        }
        if (session.isEmpty()) {
            return error(request, response, callback, HttpStatus.UNAUTHORIZED_401, "log in first");
        }
        String agency = session.get().agency();
        switch (path) {
            case "/desk/api/alerts" -> {
                return json(response, callback, view.queue(agency));
            }
            case "/desk/api/events" -> {
                events(response, callback);
                return true;
            }
            case "/desk/api/answer" -> {
                String token = request.getHeaders().get("X-CSRF-Token");
                if (!"POST".equals(method) || !sameOrigin(request) || token == null
                        || !java.security.MessageDigest.isEqual(token.getBytes(StandardCharsets.US_ASCII),
                        session.get().csrfToken().getBytes(StandardCharsets.US_ASCII))) {
                    LOG.warn("agency desk: answer for {} refused (cross-site or without the session's token)", agency);
                    return error(request, response, callback, HttpStatus.FORBIDDEN_403, "cross-site request refused");
                }
                return answer(agency, Content.Source.asString(request, StandardCharsets.UTF_8), request, response, callback);
            }
            case "/desk/logout" -> {
                if (!"POST".equals(method) || !sameOrigin(request)) {
                    return error(request, response, callback, HttpStatus.FORBIDDEN_403, "cross-site request refused");
                }
                sessions.close(cookie(request));
                return html(response, callback, loginPage("Logged out."));
            }
            default -> {
                return error(request, response, callback, HttpStatus.NOT_FOUND_404, "no such page");
            }
        }
    }

    /** An answer: {"incident": id, "action": acknowledged|on-the-way|resolved|dismiss, "note": text}. */
    private boolean answer(String agency, String body, Request request, Response response, Callback callback) throws IOException {
        JsonNode a;
        try {
            a = JSON.readTree(body);
        } catch (IOException e) {
            return error(request, response, callback, HttpStatus.BAD_REQUEST_400, "expected a JSON answer");
        }
        String incident = a.path("incident").asText("");
        String action = a.path("action").asText("");
        String note = a.path("note").asText("").strip();
        Optional<AlertRecord> alert = view.alertFor(incident, agency);
        if (alert.isEmpty()) {
            // the same answer whether the incident does not exist or belongs to another agency
            return error(request, response, callback, HttpStatus.NOT_FOUND_404, "no alert of yours for incident '" + incident + "'");
        }
        AgencyAction act;
        if ("dismiss".equals(action)) {
            if (note.isEmpty()) {
                return error(request, response, callback, HttpStatus.BAD_REQUEST_400, "dismissing needs a reason");
            }
            act = AgencyAction.RESOLVED;
            note = "dismissed: " + note;
        } else {
            try {
                act = AgencyAction.parse(action);
            } catch (IllegalArgumentException e) {
                return error(request, response, callback, HttpStatus.BAD_REQUEST_400, e.getMessage());
            }
        }
        alerts.acknowledge(new Acknowledgement("desk-" + DeskSessions.token(), alert.get().id(), agency, act,
                agency + " desk", clock.instant(), note.isEmpty() ? null : note));
        return json(response, callback, "{\"stored\":true}");
    }

    /** Server-sent events: "changed" whenever an incident changes; a comment every 15 s keeps proxies from closing it. */
    private void events(Response response, Callback callback) {
        response.setStatus(HttpStatus.OK_200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream; charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        BlockingQueue<String> queue = new LinkedBlockingQueue<>();
        listeners.add(queue);
        try {
            send(response, ": connected\n\n");
            while (true) {
                String changed = queue.poll(15, TimeUnit.SECONDS);
                send(response, changed == null ? ": keep-alive\n\n" : "event: changed\ndata: " + changed + "\n\n");
            }
        } catch (Exception e) {
            // the page went away
        } finally {
            listeners.remove(queue);
            callback.succeeded();
        }
    }

    private static void send(Response response, String text) throws Exception {
        FutureCallback done = new FutureCallback();
        response.write(false, ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), done);
        done.get(30, TimeUnit.SECONDS);
    }

    /** A browser names the page's origin on every POST; it must be this server's own. */
    private static boolean sameOrigin(Request request) {
        String site = request.getHeaders().get("Sec-Fetch-Site");
        if (site != null && !site.equals("same-origin")) {
            LOG.warn("agency desk: {} request refused (fetch site {})", request.getHttpURI().getPath(), site);
            return false;
        }
        String origin = request.getHeaders().get(HttpHeader.ORIGIN);
        if (origin == null) {
            return site != null;
        }
        var uri = request.getHttpURI();
        int port = uri.getPort() > 0 ? uri.getPort() : 443;
        boolean same = origin.equals("https://" + uri.getHost() + ":" + port) || (port == 443 && origin.equals("https://" + uri.getHost()));
        if (!same) {
            LOG.warn("agency desk: request from origin {} refused (this desk is https://{}:{}, fetch site {})", origin,
                    uri.getHost(), port, site);
        }
        return same;
    }

    private static String cookie(Request request) {
        for (String header : request.getHeaders().getValuesList(HttpHeader.COOKIE)) {
            for (String part : header.split(";")) {
                String p = part.strip();
                if (p.startsWith(COOKIE + "=")) {
                    return p.substring(COOKIE.length() + 1);
                }
            }
        }
        return null;
    }

    private static Map<String, String> form(String body) {
        Map<String, String> out = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static void secureHeaders(Response response) {
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        response.getHeaders().put("X-Frame-Options", "DENY");
        // not no-referrer: with it Chromium sends "Origin: null" on form posts, and the same-origin check needs the origin
        response.getHeaders().put("Referrer-Policy", "same-origin");
        response.getHeaders().put("Content-Security-Policy",
                "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self' 'unsafe-inline'; frame-ancestors 'none'");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    }

    private static boolean html(Response response, Callback callback, String html) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/html; charset=utf-8");
        response.write(true, ByteBuffer.wrap(html.getBytes(StandardCharsets.UTF_8)), callback);
        return true;
    }

    private static boolean json(Response response, Callback callback, String json) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.write(true, ByteBuffer.wrap(json.getBytes(StandardCharsets.UTF_8)), callback);
        return true;
    }

    private static boolean error(Request request, Response response, Callback callback, int status, String message) {
        response.setStatus(status);
        return json(response, callback, "{\"error\":" + JSON.valueToTree(message) + "}");
    }

    private static String loginPage(String message) {
        return """
                <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Skyshare agency desk</title>
                <style>body{font-family:sans-serif;background:#1d2b24;color:#eee;display:flex;justify-content:center;margin-top:12vh}
                form{background:#26392f;padding:2em;border-radius:8px;width:18em}input{width:100%;margin:.4em 0 1em;padding:.5em}
                button{padding:.6em 1.2em}.msg{color:#ffb38a}</style></head><body>
                <form method="post" action="/desk/login"><h2>Agency desk</h2><p class="msg">""" + escape(message) + """
                </p><label>Agency<input name="user" id="user" autocomplete="username"></label>
                <label>Password<input name="password" id="password" type="password" autocomplete="current-password"></label>
                <button type="submit" id="login">Log in</button></form></body></html>
                """;
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
