package dev.mocks3.s3.access;

import java.util.Set;

import org.w3c.dom.Element;

import dev.mocks3.core.error.S3Error;
import dev.mocks3.core.xml.XmlDocument;
import dev.mocks3.core.xml.XmlWriter;

/** A bucket's Object Ownership setting: BucketOwnerPreferred, ObjectWriter or BucketOwnerEnforced (ACLs off). */
public record OwnershipControls(String objectOwnership) {
    public static final String ENFORCED = "BucketOwnerEnforced";
    private static final Set<String> VALUES = Set.of("BucketOwnerPreferred", "ObjectWriter", ENFORCED);
    private static final String ROOT = "OwnershipControls";

    public static OwnershipControls parse(byte[] body) {
        Element rule = XmlDocument.onlyChild(XmlDocument.parse(body, ROOT).root(), "Rule");
        return of(XmlDocument.childText(rule, "ObjectOwnership"));
    }

    /** The setting by name ({@code x-amz-object-ownership} on CreateBucket); unknown: MalformedXML. */
    public static OwnershipControls of(String value) {
        if (value == null || !VALUES.contains(value.strip())) {
            throw S3Error.MALFORMED_XML.exception();
        }
        return new OwnershipControls(value.strip());
    }

    /** With ACLs off, only these canned ACLs (which change nothing) are accepted. */
    public boolean aclsDisabled() {
        return ENFORCED.equals(objectOwnership);
    }

    /** Refuses an ACL other than private or bucket-owner-full-control when ACLs are off, as S3 does. */
    public void checkAclAllowed(java.util.Optional<CannedAcl> canned, boolean aclGiven) {
        if (aclsDisabled() && aclGiven && !(canned.isPresent()
                && (canned.get() == CannedAcl.PRIVATE || canned.get() == CannedAcl.BUCKET_OWNER_FULL_CONTROL))) {
            throw S3Error.ACCESS_CONTROL_LIST_NOT_SUPPORTED.exception();
        }
    }

    public String xml() {
        return XmlWriter.document(ROOT).open("Rule").element("ObjectOwnership", objectOwnership).close("Rule").finish(ROOT);
    }
}
