package org.opendmp.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * The patient portal's back end calling the server's portal API ({@code /si-dmp-server/v2/portal/patients/{ins}},
 * JSON, see docs/HABILITATIONS.md) with the development PKI's demo client certificate: the patient's own
 * controls (block a professional, designate the treating doctor, oppose emergency access modes).
 */
public final class PatientPortal {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DmpServer server;
    private final HttpClient http;

    public PatientPortal(DmpServer server) {
        this(server, MtlsClient.sslContext(server.pkiDir().resolve("client.p12"), server.pkiDir().resolve("ca.pem")));
    }

    /** The portal API seen by a client presenting the certificate of {@code context}. */
    public PatientPortal(DmpServer server, SSLContext context) {
        this.server = server;
        this.http = https(context);
    }

    /** The patient's portal URL: {@code .../portal/patients/<nir>}. */
    public String patientPath(String nir) {
        return "https://localhost:" + server.port() + "/si-dmp-server/v2/portal/patients/" + nir;
    }

    public String authorizations(String nir) {
        return patientPath(nir) + "/authorizations";
    }

    // ------------------------------------------------------------------ the patient's controls, asserted

    /** The patient blocks the professional ({@code INTERDITE}); fails unless the portal answers 200. */
    public Json block(String nir, String professionalId) {
        return expect200(put(authorizations(nir) + "/" + professionalId, "{\"mode\":\"INTERDITE\"}"));
    }

    /** The patient lifts the block; fails unless the portal answers 204. */
    public void unblock(String nir, String professionalId) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(authorizations(nir) + "/"
                + professionalId)).DELETE());
        assertThat(response.statusCode()).as("unblock: HTTP %s %s", response.statusCode(), response.body())
                .isEqualTo(204);
    }

    /** The patient designates the treating doctor; fails unless the portal answers 200. */
    public Json designateTreatingDoctor(String nir, String professionalId) {
        return expect200(put(patientPath(nir) + "/treating-doctor", "{\"professionalId\":\"" + professionalId + "\"}"));
    }

    /** The patient's oppositions to bris de glace and to centre 15 access; fails unless the portal answers 200. */
    public Json oppose(String nir, boolean brisDeGlace, boolean centre15) {
        return expect200(put(patientPath(nir) + "/oppositions",
                "{\"brisDeGlace\":" + brisDeGlace + ",\"centre15\":" + centre15 + "}"));
    }

    private static Json expect200(Json answer) {
        assertThat(answer.status()).as("portal answer %s", answer).isEqualTo(200);
        return answer;
    }

    // ------------------------------------------------------------------ raw HTTP

    public HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).header("Accept", "application/json").build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Json getJson(String uri) {
        return json(send(HttpRequest.newBuilder(URI.create(uri)).GET()));
    }

    public Json put(String uri, String body) {
        return json(send(HttpRequest.newBuilder(URI.create(uri)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body))));
    }

    public Json delete(String uri) {
        return json(send(HttpRequest.newBuilder(URI.create(uri)).DELETE()));
    }

    /** The response as JSON; fails unless its Content-Type says JSON. */
    public static Json json(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("Content-Type").orElse(""))
                .as("JSON answer: HTTP %s %s", response.statusCode(), response.body()).startsWith("application/json");
        try {
            return new Json(response.statusCode(), JSON.readTree(response.body()), response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: HTTP " + response.statusCode() + " " + response.body(), e);
        }
    }

    static HttpClient https(SSLContext context) {
        SSLParameters parameters = new SSLParameters();
        parameters.setProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(context)
                .sslParameters(parameters).connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** A portal answer: status and parsed JSON body. */
    public record Json(int status, JsonNode body, String text) {
        @Override
        public String toString() {
            return "HTTP " + status + " " + text;
        }
    }
}
