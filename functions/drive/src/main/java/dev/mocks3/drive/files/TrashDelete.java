package dev.mocks3.drive.files;

import org.springframework.stereotype.Component;

import dev.mocks3.drive.http.DriveCall;
import dev.mocks3.drive.http.DriveFunction;
import dev.mocks3.drive.http.DriveReply;
import dev.mocks3.drive.purge.TrashPurger;
import dev.mocks3.drive.purge.TrashRetention;
import reactor.core.publisher.Mono;

/**
 * POST /file/v1/trash/delete {id} — gone for good, with everything inside. The quota is refunded;
 * a content's bytes leave S3 only once no file of anyone refers to it. The scheduled purge of the
 * item is taken back.
 */
@Component("driveTrashDelete")
public class TrashDelete extends DriveFunction {
    private final TrashPurger purger;
    private final TrashRetention retention;

    public TrashDelete(TrashPurger purger, TrashRetention retention) {
        this.purger = purger;
        this.retention = retention;
    }

    @Override
    protected Mono<DriveReply> handle(DriveCall call) {
        long user = call.user();
        long id = call.input().id("id");
        return purger.purge(user, id)
                .flatMap(purged -> retention.cancel(user, purged.root()).thenReturn(DriveReply.data(purged.quota())));
    }
}
