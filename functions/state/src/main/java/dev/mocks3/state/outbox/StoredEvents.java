package dev.mocks3.state.outbox;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;

/** Outbox rows keep the whole event in the CloudEvents JSON format (what structured mode sends). */
public final class StoredEvents {
    private static final EventFormat FORMAT = EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE);

    private StoredEvents() {
    }

    public static byte[] serialize(CloudEvent event) {
        return FORMAT.serialize(event);
    }

    public static CloudEvent deserialize(byte[] bytes) {
        return FORMAT.deserialize(bytes);
    }
}
