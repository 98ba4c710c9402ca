package coop.cooperative.app.notifications;

import coop.cooperative.app.membership.CooperativeAccess;
import coop.cooperative.app.notifications.AccountSettings.Settings;
import coop.cooperative.app.web.FieldError;
import coop.cooperative.app.web.InvalidRequestException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The signed-in person's own settings: their language and which notifications they get. */
@RestController
class SettingsController {

    private final AccountSettings settings;

    SettingsController(AccountSettings settings) {
        this.settings = settings;
    }

    /** {@code language}: "en", "nl", or null for the installation's default. */
    record SettingsBody(Optional<String> language, Map<String, Boolean> notifications) {
    }

    @GetMapping("/api/me/settings")
    SettingsBody get() {
        return body(settings.of(me()));
    }

    /**
     * Changes the settings given; a field left out keeps its value, a language of null goes back
     * to the installation's default. Nothing is stored unless every field is right.
     */
    @PutMapping("/api/me/settings")
    SettingsBody put(@RequestBody SettingsBody change) {
        List<FieldError> errors = new ArrayList<>();
        Optional<String> language = change.language();
        if (language != null && language.isPresent() && !AccountSettings.LANGUAGES.contains(language.get())) {
            errors.add(new FieldError("language", "must be one of " + AccountSettings.LANGUAGES.stream().sorted().toList()
                    + ", or null for the installation's default"));
        }
        Map<NotificationKind, Boolean> notifications = new EnumMap<>(NotificationKind.class);
        (change.notifications() == null ? Map.<String, Boolean>of() : change.notifications()).forEach((key, on) -> {
            Optional<NotificationKind> kind = NotificationKind.byKey(key);
            if (kind.isEmpty()) {
                errors.add(new FieldError("notifications." + key, "is no notification; there are "
                        + List.of(NotificationKind.values()).stream().map(NotificationKind::key).toList()));
            } else if (on == null) {
                errors.add(new FieldError("notifications." + key, "must be true or false"));
            } else {
                notifications.put(kind.get(), on);
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
