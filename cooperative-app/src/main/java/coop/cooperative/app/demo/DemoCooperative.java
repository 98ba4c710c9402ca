package coop.cooperative.app.demo;

import coop.cooperative.app.membership.Membership;
import coop.cooperative.app.security.Account;
import coop.cooperative.app.security.Accounts;
import coop.cooperative.app.security.SignedInAccount;
import coop.cooperative.core.membership.api.Role;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.core.shared.Money;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Seeds "Coöperatie De Gilde" on an empty store: 24 freelancers with Dutch names and varied
 * skills, a founder who is admin and treasurer, a second treasurer, and one member who left.
 * Every member gets a login with the demo password, printed at start. Features add their part of
 * the demo as {@link DemoChapter}s, which run right after.
 */
@Component
@Profile("demo")
class DemoCooperative implements ApplicationRunner {

    static final String FOUNDER_EMAIL = "sanne.jansen@degilde.example";
    private static final Logger log = LoggerFactory.getLogger(DemoCooperative.class);
    private static final Currency EUR = Currency.getInstance("EUR");

    private final Membership membership;
    private final Accounts accounts;
    private final PasswordEncoder passwords;
    private final String password;
    private final List<DemoChapter> chapters;
    private final Clock clock;

    DemoCooperative(Membership membership, Accounts accounts, PasswordEncoder passwords,
                    @Value("${cooperative.demo.password:gilde-demo-2026}") String password,
                    List<DemoChapter> chapters, Clock clock) {
        this.membership = membership;
        this.clock = clock;
        this.chapters = chapters;
        this.accounts = accounts;
        this.passwords = passwords;
        this.password = password;
    }

    /** A freelancer who joined so many days after the founding. */
    private record Freelancer(String name, String email, List<String> skills, String hourlyRate, int daysAfterFounding) {
    }

    private static Freelancer freelancer(String name, String rate, int daysAfterFounding, String... skills) {
        String email = name.toLowerCase(Locale.ROOT).replace("'", "").replace(' ', '.') + "@degilde.example";
        return new Freelancer(name, email, List.of(skills), rate, daysAfterFounding);
    }

    /**
     * The demo is dated from today, so that it reads the same on any day: founded on the first
     * Monday of the month 22 months ago, members joining over its first ten months, one leaving at
     * the end of its 18th month, and the chapters' costs, hours and claims in the months since.
     */
    private LocalDate foundedOn() {
        return YearMonth.now(clock).minusMonths(22).atDay(1).with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY));
    }

    private static final List<Freelancer> MEMBERS = List.of(
            freelancer("Pieter de Boer", "78.00", 0, "bookkeeping", "finance", "excel"),
            freelancer("Anna de Vries", "92.50", 0, "ux", "user research", "figma"),
            freelancer("Daan Bakker", "95.00", 7, "java", "spring", "kotlin"),
            freelancer("Fleur Visser", "88.00", 7, "ux", "interaction design"),
            freelancer("Bram Smit", "97.50", 14, "java", "devops", "kubernetes"),
            freelancer("Lotte Meijer", "85.00", 28, "copywriting", "content strategy"),
            freelancer("Jeroen Mulder", "110.00", 28, "security", "devops"),
            freelancer("Sophie de Groot", "90.00", 42, "react", "typescript", "accessibility"),
            freelancer("Thijs Bos", "82.50", 56, "python", "data engineering"),
            freelancer("Emma Vos", "87.00", 56, "react", "typescript"),
            freelancer("Lars Peters", "99.00", 70, "data science", "python", "machine learning"),
            freelancer("Iris Hendriks", "80.00", 85, "project management", "scrum"),
            freelancer("Ruben van Dijk", "93.00", 98, "java", "kotlin", "android"),
            freelancer("Noor van Leeuwen", "86.00", 119, "ux", "service design"),
            freelancer("Sem Dekker", "91.00", 133, "ios", "swift"),
            freelancer("Julia Brouwer", "84.00", 147, "testing", "test automation"),
            freelancer("Milan de Wit", "96.00", 161, "devops", "cloud", "terraform"),
            freelancer("Eva Dijkstra", "89.00", 182, "data engineering", "sql"),
            freelancer("Finn Smits", "94.00", 210, "react", "node"),
            freelancer("Sara de Graaf", "83.00", 238, "illustration", "visual design"),
            freelancer("Luuk Kok", "88.50", 252, "python", "django"),
            freelancer("Tess Jacobs", "81.00", 273, "copywriting", "seo"),
            freelancer("Guus Willems", "90.00", 301, "testing", "accessibility"));

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.owning(FOUNDER_EMAIL).isPresent()) {
            log.info("Demo cooperative already present; sign in as {} with the demo password", FOUNDER_EMAIL);
            return;
        }
        String hash = passwords.encode(password);
        actAs(accounts.create(FOUNDER_EMAIL, "Sanne Jansen", hash, false));
        LocalDate foundedOn = foundedOn();
        try {
            Membership.Founded founded = membership.found((SignedInAccount) SecurityContextHolder.getContext()
                            .getAuthentication().getPrincipal(), "Coöperatie De Gilde", EUR,
                    List.of("facilitation", "project management"), Money.of("90.00", EUR), foundedOn, false, null);
            CooperativeId gilde = founded.cooperativeId();
            Map<String, MemberId> members = new LinkedHashMap<>();
            members.put("Sanne Jansen", founded.founderId());
            for (Freelancer f : MEMBERS) {
                members.put(f.name(), membership.joinWithLogin(gilde, f.name(), f.email(), f.skills(),
                        Money.of(f.hourlyRate(), EUR), foundedOn.plusDays(f.daysAfterFounding()),
                        accounts.create(f.email(), f.name(), hash, false).accountId()));
            }
            membership.appoint(gilde, members.get("Pieter de Boer"), Role.TREASURER);
            membership.leave(gilde, members.get("Tess Jacobs"), foundedOn.plusMonths(18).withDayOfMonth(1).minusDays(1));
            DemoContext demo = new DemoContext(gilde, Map.copyOf(members), foundedOn);
            chapters.forEach(chapter -> chapter.seed(demo));
            // INFO, which a default start shows: a warning is for something an operator must look into
            log.info("Demo cooperative 'Coöperatie De Gilde' ({}) seeded with {} members. Sign in as {} (admin, "
                            + "treasurer), pieter.de.boer@degilde.example (treasurer) or anna.de.vries@degilde.example "
                            + "(member); every demo password is {}", gilde, MEMBERS.size() + 1, FOUNDER_EMAIL, password);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** The demo's commands are recorded as done by its founder, as they would be in real use. */
    private static void actAs(Account founder) {
        SignedInAccount principal = SignedInAccount.of(founder);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
    }
}
