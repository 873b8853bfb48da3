package dev.mocks3.faults.store;

import java.util.List;

import dev.mocks3.events.fault.FaultInjected;

/** One page of the fault event log and how many events match in all. */
public record EventPage(List<FaultInjected> events, long total, int limit, long offset) {
}
