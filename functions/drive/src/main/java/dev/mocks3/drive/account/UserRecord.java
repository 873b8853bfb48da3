package dev.mocks3.drive.account;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** A drive user; the password hash never leaves the server. */
public record UserRecord(long id, String mobile, String name, @JsonIgnore String passwordHash, OffsetDateTime createdAt) {
}
