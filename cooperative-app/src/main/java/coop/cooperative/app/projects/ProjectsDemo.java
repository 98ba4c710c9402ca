package coop.cooperative.app.projects;

import coop.cooperative.app.axon.ProjectionCatchUp;
import coop.cooperative.app.demo.DemoChapter;
import coop.cooperative.app.demo.DemoContext;
import coop.cooperative.app.hours.Timesheets;
import coop.cooperative.app.security.Account;
import coop.cooperative.app.security.Accounts;
import coop.cooperative.core.hours.api.EntryId;
import coop.cooperative.core.hours.api.HoursCommands.LogHours;
import coop.cooperative.core.hours.api.HoursKind;
import coop.cooperative.core.projects.api.AssignmentRole;
import coop.cooperative.core.projects.api.ProjectId;
import coop.cooperative.core.projects.api.RequiredSkill;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.projections.members.MemberQueries.CooperativeView;
import coop.cooperative.projections.members.MemberQueries.FindCooperative;
import coop.cooperative.projections.members.MemberQueries.FindMember;
import coop.cooperative.projections.members.MemberQueries.MemberView;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The demo's projects: four clients with core teams, backups and experts, one skill at risk (the
 * care app's iOS work has no backup), and half a year of hours of all three kinds. Runs early, so
 * chapters that close periods come after the hours are in. Hours are sent straight to the
 * timesheets (the seeding is the founder's doing, recorded as such), in parallel per member.
 */
@Component
@Profile("demo")
@Order(20)
class ProjectsDemo implements DemoChapter {

    static final String CLIENT_EMAIL = "marieke.van.dam@utrecht.example";
    private static final Logger log = LoggerFactory.getLogger(ProjectsDemo.class);
    private static final String[] SUBJECTS = {"Kotlin coroutines course", "WCAG 2.2 workshop", "Mentoring a junior",
            "Conference: Devoxx", "Reading group: domain-driven design", "Figma variables training"};

    private final Projects projects;
    private final Timesheets sheets;
    private final QueryGateway queries;
    private final Assignments assignments;
    private final ProjectClients clients;
    private final Accounts accounts;
    private final PasswordEncoder passwords;
    private final String password;
    private final ProjectionCatchUp views;
    private final Clock clock;

    ProjectsDemo(Projects projects, Timesheets sheets, QueryGateway queries, Assignments assignments, ProjectClients clients,
                 Accounts accounts, PasswordEncoder passwords,
                 @Value("${cooperative.demo.password:gilde-demo-2026}") String password, ProjectionCatchUp views,
                 Clock clock) {
        this.projects = projects;
        this.sheets = sheets;
        this.queries = queries;
        this.assignments = assignments;
        this.clients = clients;
        this.accounts = accounts;
        this.passwords = passwords;
        this.password = password;
        this.views = views;
        this.clock = clock;
    }

    private record Staffing(String member, AssignmentRole role, String skill, int hoursPerWeek) {
    }

    private record Plan(String name, String client, LocalDate start, LocalDate end, List<RequiredSkill> skills,
                        List<Staffing> team) {
    }

    @Override
    public void seed(DemoContext demo) {
        long started = System.nanoTime();
        LocalDate today = LocalDate.now(clock);
        LocalDate from = today.minusMonths(6);
        LocalDate until = today.plusMonths(6);
        List<Plan> plans = List.of(
                new Plan("Mijn Gemeente-portaal", "Gemeente Utrecht", from, until,
                        List.of(skill("java", 40), skill("ux", 24)),
                        List.of(core("Daan Bakker", "java", 32), backup("Ruben van Dijk", "java", 8),
                                expert("Bram Smit", "java", 4),
                                core("Anna de Vries", "ux", 16), backup("Noor van Leeuwen", "ux", 8))),
                new Plan("Zorgplanner app", "Zorggroep Noorderlicht", from.plusMonths(1), until.plusMonths(3),
                        List.of(skill("ios", 24), skill("react", 24)),
                        List.of(core("Sem Dekker", "ios", 24), core("Sophie de Groot", "react", 24),
                                backup("Emma Vos", "react", 8))),
                new Plan("Dienstregeling-dashboard", "Vervoerregio Amstelland", from, until,
                        List.of(skill("data engineering", 24), skill("python", 16)),
                        List.of(core("Thijs Bos", "data engineering", 24), backup("Eva Dijkstra", "data engineering", 8),
                                core("Luuk Kok", "python", 16), backup("Thijs Bos", "python", 8),
                                expert("Lars Peters", "python", 8))),
                new Plan("Webwinkel vernieuwing", "Bakkerij Van der Meulen", from.plusMonths(2), until,
                        List.of(skill("react", 16), skill("accessibility", 8)),
                        List.of(core("Finn Smits", "react", 16), backup("Emma Vos", "react", 4),
                                core("Guus Willems", "accessibility", 8), backup("Sophie de Groot", "accessibility", 4))));

        int maximum = queries.query(new FindCooperative(demo.cooperativeId()),
                ResponseTypes.optionalInstanceOf(CooperativeView.class)).join().orElseThrow()
                .policies().maximumHoursPerWeek();
        Map<MemberId, List<ProjectDays>> work = new LinkedHashMap<>();
        ProjectId portal = null;
        for (Plan plan : plans) {
            ProjectId projectId = projects.register(demo.cooperativeId(), plan.name(), plan.client(), plan.start(),
                    plan.end(), plan.skills());
            portal = portal == null ? projectId : portal;
            for (Staffing s : plan.team()) {
                MemberId memberId = demo.member(s.member());
                MemberView member = queries.query(new FindMember(memberId),
                        ResponseTypes.optionalInstanceOf(MemberView.class)).join().orElseThrow();
                assignments.assign(demo.cooperativeId(), projectId, member, s.role(), s.skill(), s.hoursPerWeek(),
                        plan.start(), plan.end(), today, maximum);
                // backups step in now and then; core and experts work their hours
                int weekly = s.role() == AssignmentRole.BACKUP ? s.hoursPerWeek() / 4 : s.hoursPerWeek();
                work.computeIfAbsent(memberId, k -> new ArrayList<>())
                        .add(new ProjectDays(projectId, plan.start(), weekly));
            }
        }

        Account client = accounts.owning(CLIENT_EMAIL)
                .orElseGet(() -> accounts.create(CLIENT_EMAIL, "Marieke van Dam", passwords.encode(password), false));
        clients.grant(demo.cooperativeId(), portal, "Marieke van Dam", CLIENT_EMAIL, client.accountId());

        // the timesheets ask the projects view who is assigned where: it must show every assignment first
        views.await();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<CompletableFuture<Void>> timesheets = new ArrayList<>();
        int entries = 0;
        for (Map.Entry<String, MemberId> m : demo.members().entrySet()) {
            if (m.getKey().equals("Tess Jacobs")) {
                continue;
            }
            List<LogHours> hours = hoursOf(demo.cooperativeId(), m.getValue(), work.getOrDefault(m.getValue(), List.of()),
                    from, today, m.getKey().hashCode());
            entries += hours.size();
            // one member's timesheets in sequence, members in parallel: no two commands race for one month
            timesheets.add(CompletableFuture.runAsync(() -> hours.forEach(this::log), pool));
        }
        try {
            CompletableFuture.allOf(timesheets.toArray(CompletableFuture[]::new)).join();
        } finally {
            pool.shutdown();
        }
        log.info("Demo projects: {} projects, {} hours entries in {} ms", plans.size(), entries,
                (System.nanoTime() - started) / 1_000_000);
    }

    private void log(LogHours h) {
        sheets.log(h.cooperativeId(), h.memberId(), h.date(), h.hours(), h.kind(), h.projectId(), h.subject(),
                h.description());
    }

    private record ProjectDays(ProjectId projectId, LocalDate from, int hoursPerWeek) {
    }

    /** Project hours on Mondays, Tuesdays and Thursdays, a development afternoon every third Friday, and some work for the cooperative. */
    private static List<LogHours> hoursOf(CooperativeId coop, MemberId member, List<ProjectDays> projects,
                                          LocalDate from, LocalDate today, int seed) {
        List<LogHours> hours = new ArrayList<>();
        int week = 0;
        for (LocalDate day = from; day.isBefore(today); day = day.plusDays(1)) {
            DayOfWeek dow = day.getDayOfWeek();
            if (dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY) {
                continue;
            }
            // project hours on three days a week, as many freelancers log them: fewer commands to seed
            boolean projectDay = dow == DayOfWeek.MONDAY || dow == DayOfWeek.TUESDAY || dow == DayOfWeek.THURSDAY;
            for (ProjectDays p : projects) {
                if (projectDay && !day.isBefore(p.from()) && p.hoursPerWeek() > 0) {
                    hours.add(new LogHours(coop, member, EntryId.random(), day, quarters(p.hoursPerWeek() / 3.0),
                            HoursKind.PROJECT, p.projectId(), null, "project work", Set.of(p.projectId()), today));
                }
            }
            if (dow == DayOfWeek.WEDNESDAY && Math.floorMod(seed + week, 3) != 0) {
                hours.add(new LogHours(coop, member, EntryId.random(), day, new BigDecimal("1.50"),
                        HoursKind.COOPERATIVE, null, null, "general meeting and working groups", Set.of(), today));
            }
            if (dow == DayOfWeek.FRIDAY) {
                if (Math.floorMod(seed + week, 3) == 0) {
                    String subject = SUBJECTS[Math.floorMod(seed + week, SUBJECTS.length)];
                    hours.add(new LogHours(coop, member, EntryId.random(), day, new BigDecimal("3.00"),
                            HoursKind.DEVELOPMENT, null, subject, "", Set.of(), today));
                }
                week++;
            }
        }
        return hours;
    }

    private static BigDecimal quarters(double hours) {
        return BigDecimal.valueOf(Math.max(0.25, Math.round(hours * 4) / 4.0)).setScale(2, RoundingMode.UNNECESSARY);
    }

    private static RequiredSkill skill(String skill, int hoursPerWeek) {
        return new RequiredSkill(skill, hoursPerWeek);
    }

    private static Staffing core(String member, String skill, int hours) {
        return new Staffing(member, AssignmentRole.CORE, skill, hours);
    }

    private static Staffing backup(String member, String skill, int hours) {
        return new Staffing(member, AssignmentRole.BACKUP, skill, hours);
    }

    private static Staffing expert(String member, String skill, int hours) {
        return new Staffing(member, AssignmentRole.EXPERT, skill, hours);
    }
}
