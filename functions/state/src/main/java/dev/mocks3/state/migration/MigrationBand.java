package dev.mocks3.state.migration;

import java.util.Optional;

/**
 * Which Flyway versions each module may use. All modules share one schema history, so a module
 * adds its next migration inside its own band and never renumbers a released one; migrations run
 * out of order ({@code spring.flyway.out-of-order}), so a lower band's new migration still applies
 * on a data folder where a higher band's migrations already ran.
 *
 * @param artifact the module's Maven artifact, as its jar is named
 * @param folder   the module's folder in this repository, as its classes directory is found
 */
public record MigrationBand(String artifact, String folder, int first, int last) {

    public static final java.util.List<MigrationBand> ALL = java.util.List.of(
            new MigrationBand("mocks3-state", "functions/state", 1, 99),
            new MigrationBand("mocks3-faults", "functions/faults", 100, 199),
            new MigrationBand("mocks3-drive", "functions/drive", 200, 299),
            new MigrationBand("mocks3-jobs", "functions/jobs", 300, 399));

    public boolean holds(int version) {
        return version >= first && version <= last;
    }

    /** The band of the module a migration script was loaded from (its classpath URL). */
    public static Optional<MigrationBand> ofLocation(String url) {
        return ALL.stream().filter(band -> url.contains("/" + band.folder() + "/") || url.contains("/" + band.artifact() + "-"))
                .findFirst();
    }
}
