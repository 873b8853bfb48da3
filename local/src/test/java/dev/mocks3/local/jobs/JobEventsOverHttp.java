package dev.mocks3.local.jobs;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Sends a job CloudEvent to {@code POST /_mocks3/jobs} in binary mode, as a Knative Trigger or curl would. */
record JobEventsOverHttp(HttpClient http, URI endpoint) {
    private static final ObjectMapper JSON = new ObjectMapper();

    HttpResponse<String> send(String id, String type, String json) {
        HttpRequest request = HttpRequest.newBuilder(endpoint.resolve("/_mocks3/jobs"))
                .header("ce-specversion", "1.0").header("ce-id", id).header("ce-type", type)
                .header("ce-source", "/tests/jobs").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("POST /_mocks3/jobs failed", e);
        }
    }

    /** Sends the event and reads the job's answer ({@code ran}, {@code result}); fails unless it is 200. */
    JsonNode run(String id, String type, String json) {
        HttpResponse<String> response = send(id, type, json);
        if (response.statusCode() != 200) {
            throw new AssertionError("job " + type + " answered " + response.statusCode() + ": " + response.body());
        }
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
