package dev.mocks3.local.drive;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;

/** Delivers job CloudEvents to {@code POST /_mocks3/jobs} of a MockS3 (binary mode, as the broker's Trigger does). */
record DriveJobs(HttpClient http, URI s3Endpoint) {

    /** The job's answer ({@code ran}, {@code result}); fails unless it is 200. */
    JsonNode run(String id, String type, String json) {
        HttpRequest request = HttpRequest.newBuilder(s3Endpoint.resolve("/_mocks3/jobs"))
                .header("ce-specversion", "1.0").header("ce-id", id).header("ce-type", type)
                .header("ce-source", "/tests/drive").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError("job " + type + " answered " + response.statusCode() + ": " + response.body());
            }
            return DriveClient.JSON.readTree(response.body());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("POST /_mocks3/jobs failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
