package coop.cooperative.app.portability;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import coop.cooperative.app.portability.Archive.ClaimReason;
import coop.cooperative.app.portability.Archive.ClientContact;
import coop.cooperative.app.portability.Archive.EventLine;
import coop.cooperative.app.portability.Archive.FingerprintKey;
import coop.cooperative.app.portability.Archive.Manifest;
import coop.cooperative.app.portability.Archive.MemberProfile;
import coop.cooperative.app.portability.Archive.Profiles;
import coop.cooperative.app.web.InvalidRequestException;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.upcasting.event.EventUpcaster;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Reads an archive and checks all of it before anything is written: a zip with exactly the known
 * parts, a manifest of a known format version, every part's SHA-256 and count as the manifest says,
 * every line of the events complete, every event of the manifest's cooperative, in order per
 * aggregate, and readable by this installation (its type known to the serializer, older revisions
 * upcast as the event store would). Any fault is a 400 naming the part.
 */
final class ArchiveReader {

    /** The most the unpacked parts may hold together, against a zip that unpacks into far more than it weighs. */
    static final long MAX_UNPACKED_BYTES = 512L * 1024 * 1024;

    private static final int MAX_ID = 255;

    record Parsed(Manifest manifest, List<EventLine> events, Profiles profiles, List<FingerprintKey> fingerprintKeys,
                  List<ClaimReason> claimReasons) {
    }

    private final Serializer serializer;
    private final EventUpcaster upcasters;

    ArchiveReader(Serializer serializer, EventUpcaster upcasters) {
        this.serializer = serializer;
        this.upcasters = upcasters;
    }

    Parsed read(byte[] zip) {
        Map<String, byte[]> parts = unzip(zip);
        Manifest manifest = manifest(parts.get(Archive.MANIFEST));
        for (String part : Archive.PARTS) {
            String expected = manifest.sha256().get(part);
            if (!parts.containsKey(part)) {
                throw refused(part, "is missing from the archive");
            }
            if (expected == null || !expected.equalsIgnoreCase(Archive.sha256(parts.get(part)))) {
                throw refused(part, "does not match its SHA-256 in manifest.json: the archive is damaged");
            }
        }
        List<EventLine> events = events(parts.get(Archive.EVENTS), manifest);
        Profiles profiles = parse(Archive.PROFILES, parts.get(Archive.PROFILES), new TypeReference<>() { });
        List<FingerprintKey> keys = parse(Archive.FINGERPRINT_KEYS, parts.get(Archive.FINGERPRINT_KEYS),
                new TypeReference<>() { });
        List<ClaimReason> reasons = parse(Archive.CLAIM_REASONS, parts.get(Archive.CLAIM_REASONS), new TypeReference<>() { });
        if (profiles == null || profiles.members() == null || profiles.clients() == null) {
            throw refused(Archive.PROFILES, "must hold members and clients");
        }
        count(manifest, Archive.PROFILES, profiles.members().size() + profiles.clients().size());
        count(manifest, Archive.FINGERPRINT_KEYS, keys == null ? -1 : keys.size());
        count(manifest, Archive.CLAIM_REASONS, reasons == null ? -1 : reasons.size());
        profiles(profiles);
        keys(keys, manifest.cooperativeId());
        reasons(reasons);
        return new Parsed(manifest, events, profiles, keys, reasons);
    }

    private static Map<String, byte[]> unzip(byte[] zip) {
        if (!endsWithCentralDirectory(zip)) {
            throw refused("archive", "is not a zip, or a truncated one: it does not end with a zip's central directory");
        }
        Map<String, byte[]> parts = new HashMap<>();
        long unpacked = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            ZipEntry entry;
            byte[] buffer = new byte[64 * 1024];
            while ((entry = in.getNextEntry()) != null) {
                String name = entry.getName();
                if (!name.equals(Archive.MANIFEST) && !Archive.PARTS.contains(name)) {
                    throw refused("archive", "holds " + shorten(name) + ", which is no part of format version "
                            + Archive.FORMAT_VERSION + " (" + Archive.MANIFEST + ", " + String.join(", ", Archive.PARTS) + ")");
                }
                if (parts.containsKey(name)) {
                    throw refused("archive", "holds " + name + " twice");
                }
                ByteArrayOutputStream part = new ByteArrayOutputStream();
                int read;
                while ((read = in.read(buffer)) > 0) {
                    unpacked += read;
                    if (unpacked > MAX_UNPACKED_BYTES) {
                        throw refused("archive", "unpacks into more than " + MAX_UNPACKED_BYTES / 1024 / 1024 + " MB");
                    }
                    part.write(buffer, 0, read);
                }
                parts.put(name, part.toByteArray());
            }
        } catch (IOException | IllegalArgumentException e) {
            throw refused("archive", "is not a readable zip (" + e.getClass().getSimpleName() + ": " + shorten(e.getMessage())
                    + "): it may be truncated");
        }
        if (parts.isEmpty()) {
            throw refused("archive", "is not a zip, or an empty one");
        }
        if (!parts.containsKey(Archive.MANIFEST)) {
            throw refused(Archive.MANIFEST, "is missing from the archive");
        }
        return parts;
    }

    /**
     * Whether the zip ends with its end-of-central-directory record (signature PK 5 6, within the last
     * 22 bytes and a comment of at most 64 KB): a zip cut short loses it, even where its first entries
     * still read.
     */
    private static boolean endsWithCentralDirectory(byte[] zip) {
        int earliest = Math.max(0, zip.length - 22 - 0xFFFF);
        for (int at = zip.length - 22; at >= earliest; at--) {
            if (zip[at] == 'P' && zip[at + 1] == 'K' && zip[at + 2] == 5 && zip[at + 3] == 6) {
                int comment = (zip[at + 20] & 0xFF) | (zip[at + 21] & 0xFF) << 8;
                if (at + 22 + comment == zip.length) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Manifest manifest(byte[] bytes) {
        JsonNode node;
        try {
            node = Archive.JSON.readTree(bytes);
        } catch (IOException e) {
            throw refused(Archive.MANIFEST, "is not JSON: " + shorten(e.getMessage()));
        }
        if (node == null || !node.isObject()) {
            throw refused(Archive.MANIFEST, "is not a JSON object");
        }
        if (!Archive.FORMAT.equals(node.path("format").asText())) {
            throw refused(Archive.MANIFEST, "does not describe a cooperative's archive (format must be " + Archive.FORMAT + ")");
        }
        if (!node.path("formatVersion").isInt() || node.path("formatVersion").asInt() != Archive.FORMAT_VERSION) {
            throw refused(Archive.MANIFEST, "has format version " + shorten(node.path("formatVersion").toString())
                    + ", which this installation does not read (it reads " + Archive.FORMAT_VERSION + ")");
        }
        Manifest manifest;
        try {
            manifest = Archive.JSON.treeToValue(node, Manifest.class);
        } catch (IOException e) {
            throw refused(Archive.MANIFEST, "is not a manifest: " + shorten(e.getMessage()));
        }
        uuid(Archive.MANIFEST, "cooperativeId", manifest.cooperativeId());
        if (manifest.counts() == null || manifest.sha256() == null) {
            throw refused(Archive.MANIFEST, "must give counts and sha256 of every part");
        }
        for (String part : Archive.PARTS) {
            if (manifest.counts().get(part) == null || manifest.sha256().get(part) == null) {
                throw refused(Archive.MANIFEST, "gives no count or no sha256 of " + part);
            }
        }
        return manifest;
    }

    private List<EventLine> events(byte[] bytes, Manifest manifest) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw refused(Archive.EVENTS, "is not UTF-8 text");
        }
        if (!text.isEmpty() && !text.endsWith("\n")) {
            throw refused(Archive.EVENTS, "does not end with a complete line: it is truncated");
        }
        List<EventLine> events = new ArrayList<>();
        Map<String, Long> nextSequence = new HashMap<>();
        Set<String> identifiers = new HashSet<>();
        int number = 0;
        for (String line : text.split("\n", -1)) {
            if (line.isEmpty()) {
                continue;
            }
            number++;
            String where = "line " + number;
            EventLine event;
            try {
                event = Archive.JSON.readValue(line, EventLine.class);
            } catch (IOException e) {
                throw refused(Archive.EVENTS, where + " is not a complete event: " + shorten(e.getMessage()));
            }
            text(where, "eventIdentifier", event.eventIdentifier(), MAX_ID);
            text(where, "aggregateIdentifier", event.aggregateIdentifier(), MAX_ID);
            text(where, "payloadType", event.payloadType(), MAX_ID);
            if (event.aggregateType() != null && event.aggregateType().length() > MAX_ID
                    || event.payloadRevision() != null && event.payloadRevision().length() > MAX_ID) {
                throw refused(Archive.EVENTS, where + ": aggregateType and payloadRevision are at most " + MAX_ID + " characters");
            }
            try {
                Instant.parse(Objects.requireNonNull(event.timestamp()));
            } catch (DateTimeParseException | NullPointerException e) {
                throw refused(Archive.EVENTS, where + ": timestamp must be an ISO-8601 instant");
            }
            if (!identifiers.add(event.eventIdentifier())) {
                throw refused(Archive.EVENTS, where + " repeats the event " + shorten(event.eventIdentifier()));
            }
            long expected = nextSequence.getOrDefault(event.aggregateIdentifier(), 0L);
            if (event.sequenceNumber() != expected) {
                throw refused(Archive.EVENTS, where + " is event " + event.sequenceNumber() + " of aggregate "
                        + shorten(event.aggregateIdentifier()) + ", expected " + expected + ": an event is missing or out of order");
            }
            nextSequence.put(event.aggregateIdentifier(), expected + 1);
            if (event.payload() == null) {
                throw refused(Archive.EVENTS, where + " has no payload");
            }
            byte[] payload = event.payload().getBytes(StandardCharsets.UTF_8);
            if (!manifest.cooperativeId().equals(CooperativeExport.cooperativeIdIn(payload))) {
                throw refused(Archive.EVENTS, where + " is not an event of cooperative " + manifest.cooperativeId());
            }
            readable(where, event, payload);
            events.add(event);
        }
        count(manifest, Archive.EVENTS, events.size());
        if (nextSequence.getOrDefault(manifest.cooperativeId(), 0L) == 0) {
            throw refused(Archive.EVENTS, "holds no event of the cooperative " + manifest.cooperativeId() + " itself");
        }
        return events;
    }

    /** As the event store reads it: upcast from its revision, then its payload and metadata deserialised. */
    private void readable(String where, EventLine event, byte[] payload) {
        GenericDomainEventEntry<byte[]> entry = new GenericDomainEventEntry<>(event.aggregateType(),
                event.aggregateIdentifier(), event.sequenceNumber(), event.eventIdentifier(), event.timestamp(),
                event.payloadType(), event.payloadRevision(), payload,
                event.metaData() == null ? null : event.metaData().getBytes(StandardCharsets.UTF_8));
        try {
            DomainEventStream stream = EventStreamUtils.upcastAndDeserializeDomainEvents(Stream.of(entry), serializer,
                    upcasters);
            while (stream.hasNext()) {
                DomainEventMessage<?> message = stream.next();
                if (UnknownSerializedType.class.equals(message.getPayloadType())) {
                    throw refused(Archive.EVENTS, where + " has the event type " + shorten(event.payloadType())
                            + " (revision " + event.payloadRevision() + "), which this installation does not know");
                }
                message.getPayload();
                message.getMetaData();
            }
        } catch (InvalidRequestException e) {
            throw e;
        } catch (RuntimeException | LinkageError e) {
            throw refused(Archive.EVENTS, where + " cannot be read as " + shorten(event.payloadType()) + " revision "
                    + event.payloadRevision() + ": " + shorten(e.getMessage()));
        }
    }

    private static void profiles(Profiles profiles) {
        Set<String> members = new HashSet<>();
        for (MemberProfile member : profiles.members()) {
            if (member == null) {
                throw refused(Archive.PROFILES, "holds an empty member");
            }
            uuid(Archive.PROFILES, "members[].memberId", member.memberId());
            if (!members.add(member.memberId())) {
                throw refused(Archive.PROFILES, "holds the member " + member.memberId() + " twice");
            }
            person(member.name(), member.email());
            account(member.account());
            if (member.formerAccountIds() != null) {
                member.formerAccountIds().forEach(id -> uuid(Archive.PROFILES, "members[].formerAccountIds[]", id));
            }
        }
        Set<String> clients = new HashSet<>();
        for (ClientContact client : profiles.clients()) {
            if (client == null) {
                throw refused(Archive.PROFILES, "holds an empty client");
            }
            uuid(Archive.PROFILES, "clients[].projectId", client.projectId());
            person(client.name(), client.email());
            if (!clients.add(client.projectId() + " " + client.email())) {
                throw refused(Archive.PROFILES, "holds a project's client twice");
            }
            account(client.account());
        }
    }

    private static void person(String name, String email) {
        if (name == null || name.isBlank() || name.length() > 200 || email == null || email.isBlank() || email.length() > 320) {
            throw refused(Archive.PROFILES, "holds a person without a name (at most 200 characters) or an email (at most 320)");
        }
    }

    private static void account(Archive.AccountState account) {
        if (account == null) {
            return;
        }
        uuid(Archive.PROFILES, "account.accountId", account.accountId());
        if (account.email() == null || account.email().isBlank() || account.email().length() > 320
                || account.displayName() == null || account.displayName().isBlank() || account.displayName().length() > 200
                || account.language() != null && account.language().length() > 10) {
            throw refused(Archive.PROFILES, "holds an account without an email, a display name or a short language tag");
        }
    }

    private static void keys(List<FingerprintKey> keys, String cooperativeId) {
        Set<String> members = new HashSet<>();
        for (FingerprintKey key : keys) {
            if (key == null || key.memberId() == null || key.memberId().length() > 64 || key.fingerprintKey() == null
                    || key.fingerprintKey().isBlank() || key.fingerprintKey().length() > 64 || !members.add(key.memberId())) {
                throw refused(Archive.FINGERPRINT_KEYS, "holds a row without a member id or a key (each at most 64 characters), "
                        + "or a member twice");
            }
            if (!cooperativeId.equals(key.cooperativeId())) {
                throw refused(Archive.FINGERPRINT_KEYS, "holds a key of another cooperative");
            }
        }
    }

    private static void reasons(List<ClaimReason> reasons) {
        Set<String> claims = new HashSet<>();
        for (ClaimReason reason : reasons) {
            if (reason == null) {
                throw refused(Archive.CLAIM_REASONS, "holds an empty row");
            }
            uuid(Archive.CLAIM_REASONS, "claimId", reason.claimId());
            uuid(Archive.CLAIM_REASONS, "memberId", reason.memberId());
            if (reason.reason() == null || reason.reason().length() > 2000
                    || reason.lateFilingReason() != null && reason.lateFilingReason().length() > 2000
                    || !claims.add(reason.claimId())) {
                throw refused(Archive.CLAIM_REASONS, "holds a claim without a reason (at most 2000 characters), or a claim twice");
            }
        }
    }

    private static <T> T parse(String part, byte[] bytes, TypeReference<T> type) {
        try {
            T value = Archive.JSON.readValue(bytes, type);
            if (value == null) {
                throw refused(part, "is empty");
            }
            return value;
        } catch (IOException e) {
            throw refused(part, "cannot be read: " + shorten(e.getMessage()));
        }
    }

    private static void count(Manifest manifest, String part, long actual) {
        long expected = manifest.counts().get(part);
        if (expected != actual) {
            throw refused(part, "holds " + actual + " records where manifest.json says " + expected
                    + (actual < expected ? ": it is truncated" : ""));
        }
    }

    private static void text(String where, String field, String value, int max) {
        if (value == null || value.isBlank() || value.length() > max) {
            throw refused(Archive.EVENTS, where + ": " + field + " must be given, at most " + max + " characters");
        }
    }

    private static void uuid(String part, String field, String value) {
        try {
            UUID.fromString(Objects.requireNonNull(value));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw refused(part, field + " must be a UUID");
        }
    }

    static InvalidRequestException refused(String part, String message) {
        return new InvalidRequestException(part, message);
    }

    private static String shorten(String text) {
        if (text == null) {
            return "";
        }
        String line = text.lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
