package dev.mocks3.s3;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.r2dbc.core.DatabaseClient;

/** A DatabaseClient that counts the SQL statements sent through it, for tests of how many round trips an operation costs. */
public final class CountedStatements {
    private CountedStatements() {
    }

    public static DatabaseClient counting(DatabaseClient db, AtomicInteger statements) {
        return (DatabaseClient) Proxy.newProxyInstance(DatabaseClient.class.getClassLoader(), new Class<?>[] {DatabaseClient.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("sql")) {
                        statements.incrementAndGet();
                    }
                    try {
                        return method.invoke(db, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
