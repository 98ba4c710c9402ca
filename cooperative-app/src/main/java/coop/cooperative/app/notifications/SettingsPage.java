package coop.cooperative.app.notifications;

import coop.cooperative.app.membership.CooperativeAccess;
import coop.cooperative.app.notifications.AccountSettings;
import coop.cooperative.app.notifications.NotificationKind;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The signed-in person's settings page: the language of their mails, and which mails they get. */
@Controller
class SettingsPage {

    private final AccountSettings settings;

    SettingsPage(AccountSettings settings) {
        this.settings = settings;
    }

    @GetMapping("/settings")
    String settings(Model model) {
        model.addAttribute("settings", settings.of(me()));
        return "settings";
    }

    /** A checkbox left unticked is not sent at all, so every kind not in the list is off. */
    @PostMapping("/settings")
    String save(@RequestParam(defaultValue = "") String language,
                @RequestParam(defaultValue = "") List<String> notifications, Model model) {
        if (!language.isEmpty() && !AccountSettings.LANGUAGES.contains(language)) {
            model.addAttribute("badLanguage", true);
            return settings(model);
        }
        Map<NotificationKind, Boolean> wanted = new EnumMap<>(NotificationKind.class);
        for (NotificationKind kind : NotificationKind.values()) {
            wanted.put(kind, notifications.contains(kind.key()));
        }
        settings.change(me(), Optional.of(language).filter(l -> !l.isEmpty()), wanted);
        return "redirect:/settings?saved";
    }

    private static UUID me() {
        return CooperativeAccess.signedIn().accountId();
    }
}
