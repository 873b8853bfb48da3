package dev.mocks3.faults.rule;

/**
 * Which actions mean something for notification delivery ({@code service: notification-delivery}):
 * delay, drop, duplicate, and http_error (the attempt fails as if the sink had answered it).
 * drop and duplicate mean nothing for an S3 request.
 */
final class DeliveryActions implements FaultAction.Cases<Boolean> {
    public Boolean httpError(FaultAction.HttpError action) { return true; }

    public Boolean delay(FaultAction.Delay action) { return true; }

    public Boolean throttle(FaultAction.Throttle action) { return false; }

    public Boolean bandwidth(FaultAction.Bandwidth action) { return false; }

    public Boolean reset(FaultAction.Reset action) { return false; }

    public Boolean timeout(FaultAction.Timeout action) { return false; }

    public Boolean truncate(FaultAction.Truncate action) { return false; }

    public Boolean corrupt(FaultAction.Corrupt action) { return false; }

    public Boolean staleRead(FaultAction.StaleRead action) { return false; }

    public Boolean slowFirstByte(FaultAction.SlowFirstByte action) { return false; }

    public Boolean slice(FaultAction.Slice action) { return false; }

    public Boolean drop(FaultAction.Drop action) { return true; }

    public Boolean duplicate(FaultAction.Duplicate action) { return true; }

    /** Only delivery makes sense of it: refused on S3 request stages. */
    static boolean deliveryOnly(FaultAction action) {
        return action instanceof FaultAction.Drop || action instanceof FaultAction.Duplicate;
    }
}
