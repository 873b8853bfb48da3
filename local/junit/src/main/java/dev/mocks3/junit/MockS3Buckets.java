package dev.mocks3.junit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Buckets the {@link MockS3Extension} creates for a test: on a class, before its first test (emptied
 * and deleted after its last); on a method, before that test (emptied and deleted after it).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Inherited
public @interface MockS3Buckets {
    String[] value();
}
