package dev.mocks3.s3.access;

import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One {@code "Operator": {"key": values}} test of a policy statement's Condition, as IAM evaluates
 * it: a key the request does not carry fails the test, except for negated operators, {@code Null}
 * and {@code …IfExists}. An operator it does not know fails too, so an Allow never widens by mistake.
 * A key may carry several values ({@code s3:RequestObjectTagKeys}): {@code ForAnyValue:} holds when
 * one of them passes, {@code ForAllValues:} when each does (or the request carries none).
 */
record PolicyCondition(String operator, String key, List<String> values) {

    boolean holds(Map<String, List<String>> context) {
        int colon = operator.indexOf(':');
        String qualifier = colon < 0 ? "" : operator.substring(0, colon);
        String named = operator.substring(colon + 1);
        boolean ifExists = named.endsWith("IfExists");
        String op = ifExists ? named.substring(0, named.length() - "IfExists".length()) : named;
        List<String> actual = context.get(key.toLowerCase(Locale.ROOT));
        if (op.equals("Null")) {
            return values.stream().anyMatch(v -> Boolean.parseBoolean(v) == (actual == null));
        }
        boolean negated = op.startsWith("StringNot") || op.equals("NumericNotEquals") || op.equals("NotIpAddress")
                || op.equals("ArnNotEquals") || op.equals("ArnNotLike") || op.equals("DateNotEquals");
        if (qualifier.equalsIgnoreCase("ForAllValues")) {
            return actual == null || actual.stream().allMatch(value -> holdsFor(op, negated, value));
        }
        if (actual == null) {
            return !qualifier.equalsIgnoreCase("ForAnyValue") && (ifExists || negated);
        }
        return actual.stream().anyMatch(value -> holdsFor(op, negated, value));
    }

    /** The test on one value the request carries. */
    private boolean holdsFor(String op, boolean negated, String actual) {
        String test = negated ? positive(op) : op;
        boolean any = values.stream().anyMatch(value -> matches(test, actual, value));
        return negated != any;
    }

    private static String positive(String op) {
        return switch (op) {
            case "StringNotEquals" -> "StringEquals";
            case "StringNotEqualsIgnoreCase" -> "StringEqualsIgnoreCase";
            case "StringNotLike" -> "StringLike";
            case "NumericNotEquals" -> "NumericEquals";
            case "NotIpAddress" -> "IpAddress";
            case "ArnNotEquals" -> "ArnEquals";
            case "DateNotEquals" -> "DateEquals";
            default -> "ArnLike";
        };
    }

    private static boolean matches(String op, String actual, String value) {
        return switch (op) {
            case "StringEquals", "ArnEquals" -> actual.equals(value);
            case "StringEqualsIgnoreCase" -> actual.equalsIgnoreCase(value);
            case "StringLike", "ArnLike" -> Wildcards.matches(value, actual);
            case "Bool" -> actual.equalsIgnoreCase(value);
            case "NumericEquals", "NumericLessThan", "NumericLessThanEquals", "NumericGreaterThan",
                 "NumericGreaterThanEquals" -> compare(op, actual, value);
            case "IpAddress" -> inCidr(actual, value);
            case "DateEquals", "DateLessThan", "DateLessThanEquals", "DateGreaterThan", "DateGreaterThanEquals" ->
                    compareDates(op, actual, value);
            default -> false;
        };
    }

    private static boolean compare(String op, String actual, String value) {
        int order;
        try {
            order = new BigDecimal(actual).compareTo(new BigDecimal(value));
        } catch (NumberFormatException e) {
            return false;
        }
        return switch (op) {
            case "NumericEquals" -> order == 0;
            case "NumericLessThan" -> order < 0;
            case "NumericLessThanEquals" -> order <= 0;
            case "NumericGreaterThan" -> order > 0;
            default -> order >= 0;
        };
    }

    /** Dates as IAM writes them: ISO 8601 (a date, or a time with its zone) or epoch seconds. */
    private static boolean compareDates(String op, String actual, String value) {
        Instant left = instant(actual);
        Instant right = instant(value);
        if (left == null || right == null) {
            return false;
        }
        return compare(op.replace("Date", "Numeric"), Long.toString(left.getEpochSecond()), Long.toString(right.getEpochSecond()));
    }

    private static Instant instant(String text) {
        try {
            if (text.chars().allMatch(Character::isDigit)) {
                return Instant.ofEpochSecond(Long.parseLong(text));
            }
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException | NumberFormatException e) {
            return null;
        }
    }

    private static boolean inCidr(String address, String cidr) {
        try {
            int slash = cidr.indexOf('/');
            byte[] network = InetAddress.getByName(slash < 0 ? cidr : cidr.substring(0, slash)).getAddress();
            byte[] candidate = InetAddress.getByName(address).getAddress();
            if (network.length != candidate.length) {
                return false;
            }
            int bits = slash < 0 ? network.length * 8 : Integer.parseInt(cidr.substring(slash + 1));
            for (int i = 0; i < network.length && bits > 0; i++, bits -= 8) {
                int mask = bits >= 8 ? 0xFF : (0xFF << (8 - bits)) & 0xFF;
                if ((network[i] & mask) != (candidate[i] & mask)) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException | NumberFormatException e) {
            return false;
        }
    }
}
