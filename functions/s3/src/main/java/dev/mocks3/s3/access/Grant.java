package dev.mocks3.s3.access;

import java.util.Set;

/** One entry of an access control list: who is granted which permission. */
public record Grant(Grantee grantee, String permission) {
    public static final Set<String> PERMISSIONS = Set.of("FULL_CONTROL", "READ", "WRITE", "READ_ACP", "WRITE_ACP");

    /** True when this grant gives {@code wanted} (FULL_CONTROL gives every permission). */
    public boolean gives(String wanted) {
        return permission.equals(wanted) || permission.equals("FULL_CONTROL");
    }
}
