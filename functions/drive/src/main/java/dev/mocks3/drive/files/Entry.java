package dev.mocks3.drive.files;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A file or folder as the API shows it; {@code deletedAt} only in the trash. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Entry(long id, long parentId, String name, @JsonIgnore boolean folder, String sha256, long size,
                    OffsetDateTime createdAt, OffsetDateTime updatedAt, OffsetDateTime deletedAt) {

    @JsonProperty("type")
    public String type() {
        return folder ? "folder" : "file";
    }
}
