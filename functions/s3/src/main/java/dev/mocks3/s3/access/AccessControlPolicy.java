package dev.mocks3.s3.access;

import java.util.ArrayList;
import java.util.List;

import org.w3c.dom.Element;

import dev.mocks3.core.error.S3Error;
import dev.mocks3.core.xml.XmlDocument;
import dev.mocks3.core.xml.XmlWriter;
import dev.mocks3.s3.http.Owner;

/** A bucket's or an object's ACL: its owner and grants, as the {@code AccessControlPolicy} document. */
public record AccessControlPolicy(Owner owner, List<Grant> grants) {
    private static final String ROOT = "AccessControlPolicy";
    private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

    public AccessControlPolicy {
        grants = List.copyOf(grants);
        // MockS3's access keys have no e-mail addresses: S3 refuses a grant to an address it cannot resolve
        if (grants.stream().anyMatch(g -> g.grantee() instanceof Grantee.ByEmail)) {
            throw S3Error.UNRESOLVABLE_GRANT_BY_EMAIL_ADDRESS.exception();
        }
    }

    /** The ACL every bucket and object has until one is set: the owner has full control. */
    public static AccessControlPolicy ownerOnly(Owner owner) {
        return new AccessControlPolicy(owner, List.of(new Grant(new Grantee.CanonicalUser(owner.id(), owner.displayName()),
                "FULL_CONTROL")));
    }

    /** True when a grant gives everyone (or every AWS account) anything. */
    public boolean isPublic() {
        return grants.stream().anyMatch(g -> g.grantee() instanceof Grantee.Group group && group.isPublic());
    }

    /**
     * True when a grant gives the caller {@code permission}: to its canonical id, to AllUsers, or (signed
     * callers) to AuthenticatedUsers; with {@code ignorePublic} the two public groups count for nothing.
     */
    boolean grants(Caller caller, String permission, boolean ignorePublic) {
        return grants.stream().filter(g -> g.gives(permission)).anyMatch(g -> {
            if (g.grantee() instanceof Grantee.CanonicalUser user) {
                return !caller.anonymous() && user.id().equals(caller.canonicalId());
            }
            return g.grantee() instanceof Grantee.Group group && !ignorePublic
                    && (group.uri().equals(Grantee.ALL_USERS) || group.uri().equals(Grantee.AUTHENTICATED_USERS) && !caller.anonymous());
        });
    }

    /** Parses a PutBucketAcl / PutObjectAcl body; the owner stays {@code owner} (the resource's). */
    public static AccessControlPolicy parse(byte[] body, Owner owner) {
        XmlDocument doc = XmlDocument.parse(body);
        if (!ROOT.equals(doc.rootName())) {
            throw S3Error.MALFORMED_ACL.exception();
        }
        List<Grant> grants = new ArrayList<>();
        for (Element list : XmlDocument.children(doc.root(), "AccessControlList")) {
            for (Element grant : XmlDocument.children(list, "Grant")) {
                List<Element> grantee = XmlDocument.children(grant, "Grantee");
                String permission = XmlDocument.childText(grant, "Permission");
                if (grantee.size() != 1 || permission == null || !Grant.PERMISSIONS.contains(permission.strip())) {
                    throw S3Error.MALFORMED_ACL.exception();
                }
                grants.add(new Grant(grantee(grantee.get(0)), permission.strip()));
            }
        }
        return new AccessControlPolicy(owner, grants);
    }

    private static Grantee grantee(Element element) {
        String type = element.getAttributeNS(XSI, "type");
        String id = XmlDocument.childText(element, "ID");
        String uri = XmlDocument.childText(element, "URI");
        String email = XmlDocument.childText(element, "EmailAddress");
        if ((type.isEmpty() || type.endsWith("CanonicalUser")) && id != null) {
            return new Grantee.CanonicalUser(id.strip(), XmlDocument.childText(element, "DisplayName"));
        }
        if ((type.isEmpty() || type.endsWith("Group")) && uri != null) {
            return new Grantee.Group(uri.strip());
        }
        if ((type.isEmpty() || type.endsWith("AmazonCustomerByEmail")) && email != null) {
            return new Grantee.ByEmail(email.strip());
        }
        throw S3Error.MALFORMED_ACL.exception();
    }

    public String xml() {
        XmlWriter xml = XmlWriter.document(ROOT);
        owner.writeTo(xml, "Owner").open("AccessControlList");
        for (Grant grant : grants) {
            xml.open("Grant");
            if (grant.grantee() instanceof Grantee.CanonicalUser user) {
                xml.open("Grantee", "xmlns:xsi", XSI, "xsi:type", "CanonicalUser")
                        .element("ID", user.id()).element("DisplayName", user.displayName());
            } else if (grant.grantee() instanceof Grantee.Group group) {
                xml.open("Grantee", "xmlns:xsi", XSI, "xsi:type", "Group").element("URI", group.uri());
            } else if (grant.grantee() instanceof Grantee.ByEmail email) {
                xml.open("Grantee", "xmlns:xsi", XSI, "xsi:type", "AmazonCustomerByEmail")
                        .element("EmailAddress", email.emailAddress());
            }
            xml.close("Grantee").element("Permission", grant.permission()).close("Grant");
        }
        return xml.close("AccessControlList").finish(ROOT);
    }
}
