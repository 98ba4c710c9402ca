package coop.cooperative.projections.hours;

import coop.cooperative.core.hours.api.EntryId;
import coop.cooperative.core.hours.api.HoursKind;
import coop.cooperative.core.projects.api.ProjectId;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.MemberId;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/** The queries the hours read model answers, and the views it answers with. */
public final class HoursQueries {

    private HoursQueries() {
    }

    /** A member's hours in a calendar year, with development against the budget (a percentage of worked hours). */
    public record FindMemberHours(CooperativeId cooperativeId, MemberId memberId, int year,
                                  int developmentBudgetPercent) {
    }

    /** The hours each member logged in a month, all kinds together: memberId to hours. */
    public record FindHoursPerMember(CooperativeId cooperativeId, YearMonth month) {
    }

    /** Hours logged on a project per ISO week. */
    public record FindProjectHours(ProjectId projectId) {
    }

    /** Development against the budget for every member and the cooperative in a calendar year. */
    public record FindDevelopment(CooperativeId cooperativeId, int year, int developmentBudgetPercent) {
    }

    public record FindEntry(EntryId entryId) {
    }

    public record HoursPerMember(Map<MemberId, BigDecimal> hours) {
    }

    /** Hours per kind in a period (a month {@code 2026-03} or an ISO week {@code 2026-W11}). */
    public record PeriodHours(String period, BigDecimal project, BigDecimal development, BigDecimal cooperative,
                              BigDecimal total) {
    }

    public record DevelopmentBudget(BigDecimal workedHours, int budgetPercent, BigDecimal budgetHours,
                                    BigDecimal developmentHours, BigDecimal remainingHours) {
    }

    public record MemberHours(MemberId memberId, int year, List<PeriodHours> months, List<PeriodHours> weeks,
                              DevelopmentBudget development) {
    }

    public record ProjectWeek(String week, BigDecimal hours) {
    }

    public record ProjectHours(ProjectId projectId, List<ProjectWeek> weeks) {
    }

    public record MemberDevelopment(MemberId memberId, DevelopmentBudget development) {
    }

    public record Development(CooperativeId cooperativeId, int year, List<MemberDevelopment> members,
                              DevelopmentBudget cooperative) {
    }

    public record EntryView(EntryId entryId, CooperativeId cooperativeId, MemberId memberId, LocalDate date,
                            BigDecimal hours, HoursKind kind, ProjectId projectId, String subject, String description) {
    }
}
