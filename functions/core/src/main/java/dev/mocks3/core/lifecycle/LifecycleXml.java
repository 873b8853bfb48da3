package dev.mocks3.core.lifecycle;

import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import dev.mocks3.core.error.S3Error;
import dev.mocks3.core.xml.XmlDocument;

/**
 * Reads a {@code LifecycleConfiguration} document and checks it as S3 does: a document that does
 * not have the schema's shape is MalformedXML; values the schema allows but S3 refuses (a Days of
 * 0, a Date not at midnight UTC, duplicate IDs) are InvalidArgument; rule combinations S3 refuses
 * are InvalidRequest.
 */
final class LifecycleXml {
    private static final int MAX_RULES = 1000;
    private static final int MAX_ID = 255;
    private static final int MAX_NEWER_NONCURRENT = 100;
    private static final Set<String> RULE_ELEMENTS = Set.of("ID", "Status", "Filter", "Prefix", "Expiration",
            "AbortIncompleteMultipartUpload", "NoncurrentVersionExpiration");
    private static final Set<String> PREDICATES = Set.of("Prefix", "Tag", "And", "ObjectSizeGreaterThan", "ObjectSizeLessThan");

    private LifecycleXml() {
    }

    static LifecycleConfiguration parse(byte[] body) {
        XmlDocument doc = XmlDocument.parse(body);
        if (!"LifecycleConfiguration".equals(doc.rootName())) {
            throw malformed();
        }
        List<Element> ruleElements = elements(doc.root());
        if (ruleElements.isEmpty() || ruleElements.size() > MAX_RULES
                || ruleElements.stream().anyMatch(e -> !"Rule".equals(name(e)))) {
            throw malformed();
        }
        List<LifecycleRule> rules = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Element element : ruleElements) {
            LifecycleRule rule = rule(element);
            if (!rule.id().isEmpty() && !ids.add(rule.id())) {
                throw S3Error.INVALID_ARGUMENT.exception("Rule ID must be unique. Found same ID for more than one rule");
            }
            rules.add(rule);
        }
        return new LifecycleConfiguration(rules);
    }

    private static LifecycleRule rule(Element rule) {
        Map<String, Element> parts = new LinkedHashMap<>();
        List<Transition> transitions = new ArrayList<>();
        List<Transition> noncurrentTransitions = new ArrayList<>();
        for (Element child : elements(rule)) {
            String name = name(child);
            switch (name) {
                case "Transition" -> transitions.add(transition(child, false));
                case "NoncurrentVersionTransition" -> noncurrentTransitions.add(transition(child, true));
                default -> {
                    if (!RULE_ELEMENTS.contains(name) || parts.put(name, child) != null) {
                        throw malformed();
                    }
                }
            }
        }
        distinctClasses(transitions, "Transition");
        distinctClasses(noncurrentTransitions, "NoncurrentVersionTransition");
        String id = text(parts.get("ID"));
        if (id.length() > MAX_ID) {
            throw S3Error.INVALID_ARGUMENT.exception("ID length should not exceed allowed limit of " + MAX_ID);
        }
        String status = text(parts.get("Status"));
        if (!status.equals("Enabled") && !status.equals("Disabled")) {
            throw malformed();
        }
        if (parts.containsKey("Filter") && parts.containsKey("Prefix")) {
            throw malformed();
        }
        LifecycleFilter filter = parts.containsKey("Filter") ? filter(parts.get("Filter"))
                : new LifecycleFilter(raw(parts.get("Prefix")), Map.of(), null, null);
        boolean anyAction = !transitions.isEmpty() || !noncurrentTransitions.isEmpty()
                || parts.keySet().stream().anyMatch(name -> name.equals("Expiration")
                        || name.equals("AbortIncompleteMultipartUpload") || name.startsWith("Noncurrent"));
        if (!anyAction) {
            throw S3Error.INVALID_REQUEST.exception("At least one action needs to be specified in a rule");
        }
        Integer days = null;
        Instant date = null;
        boolean expiredObjectDeleteMarker = false;
        Element expiration = parts.get("Expiration");
        if (expiration != null) {
            List<Element> choice = elements(expiration);
            if (choice.size() != 1) {
                throw malformed();
            }
            Element chosen = choice.get(0);
            switch (name(chosen)) {
                case "Days" -> days = positive(chosen, "'Days' for Expiration action must be a positive integer");
                case "Date" -> date = midnight(text(chosen));
                case "ExpiredObjectDeleteMarker" -> {
                    if (filter.hasTags()) {
                        throw S3Error.INVALID_REQUEST.exception("ExpiredObjectDeleteMarker cannot be specified with tags.");
                    }
                    expiredObjectDeleteMarker = bool(chosen);
                }
                default -> throw malformed();
            }
        }
        Integer abortAfter = null;
        Element abort = parts.get("AbortIncompleteMultipartUpload");
        if (abort != null) {
            List<Element> inner = elements(abort);
            if (inner.size() != 1 || !"DaysAfterInitiation".equals(name(inner.get(0)))) {
                throw malformed();
            }
            if (filter.hasTags()) {
                throw S3Error.INVALID_REQUEST.exception("AbortIncompleteMultipartUpload cannot be specified with Tags.");
            }
            abortAfter = positive(inner.get(0),
                    "'DaysAfterInitiation' for AbortIncompleteMultipartUpload action must be a positive integer");
        }
        NoncurrentExpiration noncurrent = parts.containsKey("NoncurrentVersionExpiration")
                ? noncurrentExpiration(parts.get("NoncurrentVersionExpiration")) : null;
        for (Transition transition : transitions) {
            if ((transition.date() != null && days != null) || (transition.days() != null && date != null)) {
                throw S3Error.INVALID_REQUEST.exception("Found mixed 'Date' and 'Days' based Expiration and Transition "
                        + "actions in lifecycle rule for prefix '" + filter.prefix() + "'");
            }
            if (days != null && days <= transition.days()) {
                throw S3Error.INVALID_ARGUMENT.exception("'Days' in the Expiration action for prefix '" + filter.prefix()
                        + "' must be greater than 'Days' in the Transition action");
            }
        }
        return new LifecycleRule(id, status.equals("Enabled"), filter, days, date, expiredObjectDeleteMarker, noncurrent,
                transitions, noncurrentTransitions, abortAfter);
    }

    /**
     * {@code Transition} ({@code Days} or {@code Date}) or {@code NoncurrentVersionTransition}
     * ({@code NoncurrentDays}, optional {@code NewerNoncurrentVersions}), with a {@code StorageClass};
     * the infrequent-access classes take objects 30 days old at the earliest, as on S3.
     */
    private static Transition transition(Element element, boolean noncurrent) {
        String daysName = noncurrent ? "NoncurrentDays" : "Days";
        String action = noncurrent ? "NoncurrentVersionTransition" : "Transition";
        Map<String, Element> fields = new LinkedHashMap<>();
        for (Element child : elements(element)) {
            String name = name(child);
            boolean known = name.equals(daysName) || name.equals("StorageClass")
                    || name.equals(noncurrent ? "NewerNoncurrentVersions" : "Date");
            if (!known || fields.put(name, child) != null) {
                throw malformed();
            }
        }
        String storageClass = text(fields.get("StorageClass"));
        boolean timed = noncurrent ? fields.containsKey(daysName) : fields.containsKey(daysName) != fields.containsKey("Date");
        if (!Transition.TARGETS.contains(storageClass) || !timed) {
            throw malformed();
        }
        Integer days = null;
        if (fields.containsKey(daysName)) {
            long value = number(fields.get(daysName));
            if (value < 0 || value > Integer.MAX_VALUE) {
                throw S3Error.INVALID_ARGUMENT.exception("'" + daysName + "' in " + action + " action must be nonnegative");
            }
            days = (int) value;
            if (days < 30 && storageClass.endsWith("_IA")) {
                throw S3Error.INVALID_ARGUMENT.exception("'" + daysName + "' in " + action + " action must be greater than or "
                        + "equal to 30 for storageClass '" + storageClass + "'");
            }
        }
        Instant date = fields.containsKey("Date") ? midnight(text(fields.get("Date"))) : null;
        Integer newer = fields.containsKey("NewerNoncurrentVersions")
                ? newerNoncurrent(fields.get("NewerNoncurrentVersions"), action) : null;
        return new Transition(days, date, storageClass, newer);
    }

    private static void distinctClasses(List<Transition> transitions, String action) {
        if (transitions.stream().map(Transition::storageClass).distinct().count() < transitions.size()) {
            throw S3Error.INVALID_REQUEST.exception("'StorageClass' must be different for '" + action
                    + "' actions in same 'Rule' with prefix");
        }
    }

    private static int newerNoncurrent(Element element, String action) {
        long value = number(element);
        if (value < 1 || value > MAX_NEWER_NONCURRENT) {
            throw S3Error.INVALID_ARGUMENT.exception("'NewerNoncurrentVersions' for " + action
                    + " action must be a positive integer no greater than " + MAX_NEWER_NONCURRENT);
        }
        return (int) value;
    }

    /** {@code NoncurrentDays} (required, positive) and an optional {@code NewerNoncurrentVersions} from 1 to 100. */
    private static NoncurrentExpiration noncurrentExpiration(Element element) {
        Element days = null;
        Element newer = null;
        for (Element child : elements(element)) {
            switch (name(child)) {
                case "NoncurrentDays" -> days = once(days, child);
                case "NewerNoncurrentVersions" -> newer = once(newer, child);
                default -> throw malformed();
            }
        }
        if (days == null) {
            throw malformed();
        }
        int noncurrentDays = positive(days, "'NoncurrentDays' for NoncurrentVersionExpiration action must be a positive integer");
        Integer newerVersions = newer == null ? null : newerNoncurrent(newer, "NoncurrentVersionExpiration");
        return new NoncurrentExpiration(noncurrentDays, newerVersions);
    }

    private static Element once(Element earlier, Element element) {
        if (earlier != null) {
            throw malformed();
        }
        return element;
    }

    private static boolean bool(Element element) {
        return switch (text(element)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw malformed();
        };
    }

    /** {@code <Filter>}: empty (every object), or exactly one predicate, several of them only inside {@code <And>}. */
    private static LifecycleFilter filter(Element filter) {
        List<Element> predicates = elements(filter);
        if (predicates.isEmpty()) {
            return LifecycleFilter.EVERYTHING;
        }
        if (predicates.size() > 1) {
            throw malformed();
        }
        Element only = predicates.get(0);
        if ("And".equals(name(only))) {
            List<Element> combined = elements(only);
            if (combined.isEmpty() || combined.stream().anyMatch(e -> "And".equals(name(e)))) {
                throw malformed();
            }
            return predicates(combined);
        }
        return predicates(List.of(only));
    }

    private static LifecycleFilter predicates(List<Element> elements) {
        String prefix = null;
        Map<String, String> tags = new LinkedHashMap<>();
        Long greater = null;
        Long less = null;
        for (Element element : elements) {
            String name = name(element);
            if (!PREDICATES.contains(name)) {
                throw malformed();
            }
            switch (name) {
                case "Prefix" -> {
                    if (prefix != null) {
                        throw malformed();
                    }
                    prefix = raw(element);
                }
                case "Tag" -> {
                    String key = required(element, "Key");
                    if (tags.put(key, required(element, "Value")) != null) {
                        throw S3Error.INVALID_REQUEST.exception("Duplicate Tag Keys are not allowed.");
                    }
                }
                case "ObjectSizeGreaterThan" -> greater = size(element, greater);
                case "ObjectSizeLessThan" -> less = size(element, less);
                default -> throw malformed();
            }
        }
        if (greater != null && less != null && less <= greater) {
            throw S3Error.INVALID_ARGUMENT.exception("ObjectSizeLessThan must be greater than ObjectSizeGreaterThan");
        }
        return new LifecycleFilter(prefix, tags, greater, less);
    }

    private static Long size(Element element, Long earlier) {
        if (earlier != null) {
            throw malformed();
        }
        long value = number(element);
        if (value < 0) {
            throw S3Error.INVALID_ARGUMENT.exception(name(element) + " must be a non-negative number");
        }
        return value;
    }

    private static int positive(Element element, String message) {
        long value = number(element);
        if (value <= 0 || value > Integer.MAX_VALUE) {
            throw S3Error.INVALID_ARGUMENT.exception(message);
        }
        return (int) value;
    }

    private static long number(Element element) {
        try {
            return Long.parseLong(text(element));
        } catch (NumberFormatException e) {
            throw malformed();
        }
    }

    /** S3 takes ISO 8601 dates and times, and only midnight UTC. */
    private static Instant midnight(String text) {
        OffsetDateTime time;
        try {
            time = text.length() == 10 ? java.time.LocalDate.parse(text).atStartOfDay().atOffset(ZoneOffset.UTC)
                    : OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            throw S3Error.INVALID_ARGUMENT.exception("Invalid date: " + text);
        }
        if (!time.withOffsetSameInstant(ZoneOffset.UTC).toLocalTime().equals(LocalTime.MIDNIGHT)) {
            throw S3Error.INVALID_ARGUMENT.exception("'Date' must be at midnight GMT");
        }
        return time.toInstant();
    }

    private static String required(Element parent, String child) {
        List<Element> found = XmlDocument.children(parent, child);
        if (found.size() != 1) {
            throw malformed();
        }
        return raw(found.get(0));
    }

    /** Prefixes, tag keys and values are taken as written, spaces included. */
    private static String raw(Element element) {
        return element == null ? "" : element.getTextContent();
    }

    private static String text(Element element) {
        return element == null ? "" : element.getTextContent().strip();
    }

    private static List<Element> elements(Element parent) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node node = nodes.item(i);
            if (node instanceof Element element) {
                found.add(element);
            } else if (node.getNodeType() == Node.TEXT_NODE && !node.getTextContent().isBlank()) {
                throw malformed();
            }
        }
        return found;
    }

    private static String name(Element element) {
        return element.getLocalName() != null ? element.getLocalName() : element.getNodeName();
    }

    private static RuntimeException malformed() {
        return S3Error.MALFORMED_XML.exception();
    }
}
