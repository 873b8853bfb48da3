package dev.mocks3.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;

import dev.mocks3.core.routing.Route;
import dev.mocks3.core.routing.Routes;
import dev.mocks3.core.routing.S3Operation;

/**
 * {@code docs/s3-operations.md} says which S3 operations are served: a row is served or partial
 * exactly when {@link Routes} routes the operation to an operation function of this module, and
 * NotImplemented exactly when nothing routes it, so the table cannot go stale again.
 */
class OperationsTableTest {
    private static final String TABLE = "docs/s3-operations.md";
    private static final Pattern ROW = Pattern.compile("^\\| (\\w+) \\| (served|partial|NotImplemented) \\|(.*)\\|\\s*$");
    /** A deprecated form that is the same request as a current operation says so in its notes. */
    private static final Pattern SAME_REQUEST = Pattern.compile("same request as (\\w+)");

    private record Row(String status, String notes) {
        boolean served() {
            return !status.equals("NotImplemented");
        }
    }

    @Test
    void servedRowsAreExactlyTheOperationsRoutedToAFunction() throws IOException {
        Map<String, Row> rows = rows();
        Set<String> functions = operationFunctionBeans();
        Set<String> routed = Routes.ALL.stream().map(Route::operation)
                .filter(op -> op != S3Operation.CORS_PREFLIGHT) // OPTIONS, below the table: no action of the reference
                .filter(op -> functions.contains(op.functionName()))
                .map(S3Operation::s3Name).collect(Collectors.toCollection(TreeSet::new));

        Set<String> servedButNotRouted = new TreeSet<>();
        Set<String> routedButNotImplemented = new TreeSet<>();
        rows.forEach((name, row) -> {
            String requestOf = sameRequestAs(row).orElse(name);
            if (row.served() && !routed.contains(requestOf)) {
                servedButNotRouted.add(name);
            }
            if (!row.served() && routed.contains(name)) {
                routedButNotImplemented.add(name);
            }
        });

        assertThat(servedButNotRouted).as("rows of %s that say served/partial, but Routes sends no request to a function"
                + " of that operation", TABLE).isEmpty();
        assertThat(routedButNotImplemented).as("rows of %s that say NotImplemented, but Routes serves them", TABLE).isEmpty();
        assertThat(rows.keySet()).as("operations Routes serves that have no row in %s", TABLE).containsAll(routed);
    }

    @Test
    void everyRoutedOperationHasAFunctionOfThisModule() {
        Set<String> functions = operationFunctionBeans();
        assertThat(Routes.ALL.stream().map(route -> route.operation().functionName()).distinct())
                .allSatisfy(function -> assertThat(functions).contains(function));
    }

    private static java.util.Optional<String> sameRequestAs(Row row) {
        Matcher matcher = SAME_REQUEST.matcher(row.notes());
        return matcher.find() ? java.util.Optional.of(matcher.group(1)) : java.util.Optional.empty();
    }

    private static Map<String, Row> rows() throws IOException {
        Map<String, Row> rows = new LinkedHashMap<>();
        for (String line : Files.readAllLines(docs())) {
            Matcher matcher = ROW.matcher(line);
            if (matcher.matches()) {
                rows.put(matcher.group(1), new Row(matcher.group(2), matcher.group(3)));
            }
        }
        assertThat(rows).as("rows parsed from %s", TABLE).hasSizeGreaterThan(50);
        return rows;
    }

    private static Path docs() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(TABLE))) {
                return dir.resolve(TABLE);
            }
        }
        throw new IllegalStateException("no " + TABLE + " above " + Path.of("").toAbsolutePath());
    }

    /** The bean names of this module's operation functions, as the component scan would name them. */
    private static Set<String> operationFunctionBeans() {
        ClassPathScanningCandidateComponentProvider scan = new ClassPathScanningCandidateComponentProvider(true);
        scan.addIncludeFilter(new AssignableTypeFilter(OperationFunction.class));
        Set<String> names = new TreeSet<>();
        for (BeanDefinition candidate : scan.findCandidateComponents("dev.mocks3.s3")) {
            try {
                Class<?> type = Class.forName(candidate.getBeanClassName());
                org.springframework.stereotype.Component component = type.getAnnotation(org.springframework.stereotype.Component.class);
                if (component != null && OperationFunction.class.isAssignableFrom(type)) {
                    names.add(component.value());
                }
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        return names;
    }
}
