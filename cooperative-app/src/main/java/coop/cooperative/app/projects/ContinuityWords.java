package coop.cooperative.app.projects;

import coop.cooperative.app.pages.Formats;
import coop.cooperative.projections.continuity.ContinuityQueries.FindContinuity;
import coop.cooperative.projections.continuity.ContinuityQueries.Person;
import coop.cooperative.projections.continuity.ContinuityQueries.SkillContinuity;
import coop.cooperative.projections.continuity.ContinuityQueries.Status;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The continuity report's reasons in the reader's language. The report says them in English; the
 * pages say them again from its structure (who is core, who is backup, who is available), and read
 * why a person is unavailable from the report's fixed phrases. An unknown phrase is shown as it is.
 */
@Component
class ContinuityWords {

    /** The projection's phrases for an unavailable person ("left the cooperative on 2026-11-23"). */
    private static final Pattern UNAVAILABLE = Pattern.compile(
            "(left the cooperative on|is on a claim since|is assigned only from|was assigned until) (\\d{4}-\\d{2}-\\d{2})");

    private final MessageSource messages;
    private final Formats fmt;

    ContinuityWords(MessageSource messages, Formats fmt) {
        this.messages = messages;
        this.fmt = fmt;
    }

    /**
     * Why a skill has its status, in words with names. Who is on a claim reaches only treasurers and
     * admins (ClaimPrivacy); everyone else reads that the person is unavailable, without a date.
     */
    List<String> reasons(SkillContinuity skill) {
        List<String> reasons = new ArrayList<>();
        if (skill.status() == Status.COVERED) {
            reasons.add(say("projects.reason.covered"));
        }
        if (skill.core().stream().noneMatch(Person::available)) {
            reasons.add(say(skill.core().isEmpty() ? "projects.reason.noCore" : "projects.reason.noCoreAvailable"));
        }
        if (skill.backup().stream().noneMatch(Person::available)) {
            reasons.add(say(skill.backup().isEmpty() ? "projects.reason.noBackup" : "projects.reason.noBackupAvailable"));
        }
        skill.core().stream().filter(p -> !p.available()).forEach(p -> reasons.add(unavailable(p, "CORE")));
        skill.backup().stream().filter(p -> !p.available()).forEach(p -> reasons.add(unavailable(p, "BACKUP")));
        return reasons;
    }

    String candidate(String name, int spareHoursPerWeek) {
        return say("projects.candidate", name, spareHoursPerWeek);
    }

    private String unavailable(Person person, String role) {
        String name = person.name() != null ? person.name() : "?";
        String roleWord = say("projects.role." + role);
        if (FindContinuity.UNAVAILABLE.equals(person.unavailable())) {
            return say("projects.reason.unavailable", name, roleWord);
        }
        Matcher phrase = person.unavailable() == null ? null : UNAVAILABLE.matcher(person.unavailable());
        if (phrase == null || !phrase.matches()) {
            return name + " (" + roleWord + ") " + (person.unavailable() == null ? "" : person.unavailable());
        }
        String date = fmt.date(LocalDate.parse(phrase.group(2)));
        String key = switch (phrase.group(1)) {
            case "left the cooperative on" -> "projects.reason.left";
            case "is on a claim since" -> "projects.reason.claim"; // only ever said to treasurers and admins
            case "is assigned only from" -> "projects.reason.assignedFrom";
            default -> "projects.reason.assignedUntil";
        };
        return say(key, name, roleWord, date);
    }

    private String say(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
