package coop.cooperative.app.notifications;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import coop.cooperative.app.membership.CooperativeAccess;
import coop.cooperative.app.notifications.AccountSettings.Settings;
import coop.cooperative.app.web.FieldError;
import coop.cooperative.app.web.InvalidRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The signed-in person's own settings: their language and which notifications they get. */
@Tag(name = "Me")
@RestController
class SettingsController {

    private final AccountSettings settings;

    SettingsController(AccountSettings settings) {
        this.settings = settings;
    }

    /** {@code language}: "en", "nl", or null for the installation's default. */
    record SettingsBody(Optional<String> language, Map<String, Boolean> notifications) {
    }

    @Operation(summary = "My settings: language and notifications", operationId = "getSettings")
    @GetMapping("/api/me/settings")
    SettingsBody get() {
        return body(settings.of(me()));
    }

    /**
     * Changes the settings given; a field left out keeps its value, a language of null goes back
     * to the installation's default (read from the tree, as a record cannot tell left out from
     * null). Nothing is stored unless every field is right.
     */
    @Operation(summary = "Change my settings", operationId = "putSettings")
    @PutMapping("/api/me/settings")
    SettingsBody put(@RequestBody ObjectNode change) {
        List<FieldError> errors = new ArrayList<>();
        Optional<String> language = null;
        if (change.has("language")) {
            JsonNode given = change.get("language");
            language = given.isNull() ? Optional.empty() : Optional.of(given.asText());
            if (!given.isNull() && !(given.isTextual() && AccountSettings.LANGUAGES.contains(given.asText()))) {
                errors.add(new FieldError("language", "must be one of "
                        + AccountSettings.LANGUAGES.stream().sorted().toList() + ", or null for the installation's default"));
            }
        }
        Map<NotificationKind, Boolean> notifications = new EnumMap<>(NotificationKind.class);
        JsonNode given = change.path("notifications");
        if (!given.isMissingNode() && !given.isObject()) {
            errors.add(new FieldError("notifications", "must be an object of notification: true or false"));
        }
        given.properties().forEach(entry -> {
            Optional<NotificationKind> kind = NotificationKind.byKey(entry.getKey());
            if (kind.isEmpty()) {
                errors.add(new FieldError("notifications." + entry.getKey(), "is no notification; there are "
                        + Arrays.stream(NotificationKind.values()).map(NotificationKind::key).toList()));
            } else if (!entry.getValue().isBoolean()) {
                errors.add(new FieldError("notifications." + entry.getKey(), "must be true or false"));
            } else {
                notifications.put(kind.get(), entry.getValue().booleanValue());
            }
        });
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        settings.change(me(), language, notifications);
        return get();
    }

    private static SettingsBody body(Settings settings) {
        Map<String, Boolean> notifications = new LinkedHashMap<>();
        settings.notifications().forEach((kind, on) -> notifications.put(kind.key(), on));
        return new SettingsBody(Optional.ofNullable(settings.language()), notifications);
    }

    private static UUID me() {
        return CooperativeAccess.signedIn().accountId();
    }
}
