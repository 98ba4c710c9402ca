package coop.cooperative.core.shared;

/**
 * Every refusal the cooperative gives, each with its stable code and the number of values its words
 * take ({@code {0}}, {@code {1}}, ...). The code is part of the API (the {@code code} of a problem)
 * and the key of the refusal's words in the message bundles ({@code refusal.<code>}): a code is never
 * renamed, and a new refusal gets a new constant here and its words in every bundle.
 *
 * <p>The domain's aggregates give most of them; a few are given by the application before any
 * command is sent (an unknown id, a closed period, an expired link), under the same codes.
 */
public enum Refusal {

    // dates and texts, naming the field
    DATE_REQUIRED("date.required", 1),
    DATE_OUT_OF_RANGE("date.outOfRange", 4),
    DATE_AFTER_TODAY("date.afterToday", 2),
    TEXT_CONTROL_CHARACTERS("text.controlCharacters", 1),

    // the cooperative, its members and roles
    COOPERATIVE_NAME("cooperative.name", 0),
    COOPERATIVE_CURRENCY("cooperative.currency", 0),
    COOPERATIVE_NOT_FOUND("cooperative.notFound", 1),
    MEMBER_NOT_FOUND("member.notFound", 1),
    MEMBER_ALREADY_JOINED("member.alreadyJoined", 1),
    MEMBER_EMAIL_TAKEN("member.emailTaken", 0),
    MEMBER_ALREADY_LEFT("member.alreadyLeft", 1),
    MEMBER_BEFORE_JOINING("member.beforeJoining", 1),
    MEMBER_LAST_ADMIN_LEAVES("member.lastAdminLeaves", 0),
    MEMBER_EVERYONE_MEMBER("member.everyoneMember", 0),
    MEMBER_LEFT_MEMBER("member.leftMember", 0),
    MEMBER_HOLDS_ROLE("member.holdsRole", 1),
    MEMBER_NOT_HELD("member.notHeld", 1),
    MEMBER_LAST_ADMIN_ROLE("member.lastAdminRole", 0),
    MEMBER_RATE_CURRENCY("member.rateCurrency", 1),
    MEMBER_RATE_NEGATIVE("member.rateNegative", 0),
    MEMBER_INVITATION_ACCEPTED("member.invitationAccepted", 0),
    MEMBER_INVITATION_LEFT("member.invitationLeft", 0),
    MEMBER_ERASE_STAYING("member.eraseStaying", 0),
    MEMBER_ERASE_OPEN_CLAIM("member.eraseOpenClaim", 0),
    MEMBER_ERASE_BALANCE("member.eraseBalance", 1),
    MEMBER_ALREADY_ERASED("member.alreadyErased", 0),

    // periods
    PERIOD_CLOSED("period.closed", 1),
    PERIOD_ALREADY_CLOSED("period.alreadyClosed", 1),
    PERIOD_NOT_ENDED("period.notEnded", 1),
    PERIOD_NOT_CLOSED("period.notClosed", 1),
    PERIOD_REOPEN_REASON("period.reopenReason", 0),

    // shared costs and their split
    COST_NOT_FOUND("cost.notFound", 1),
    COST_DESCRIPTION("cost.description", 0),
    COST_AMOUNT("cost.amount", 0),
    COST_CATEGORY("cost.category", 0),
    COST_VAT("cost.vat", 0, "vat"),
    COST_THRESHOLD("cost.threshold", 0),
    COST_PAYER_NOT_MEMBER("cost.payerNotMember", 2),
    COST_PARTICIPANT_NOT_MEMBER("cost.participantNotMember", 2),
    COST_ALREADY_APPROVED("cost.alreadyApproved", 0),
    COST_REJECTED_NOT_APPROVED("cost.rejectedNotApproved", 0),
    COST_APPROVED_NOT_REJECTED("cost.approvedNotRejected", 0),
    COST_ALREADY_REJECTED("cost.alreadyRejected", 0),
    COST_ALREADY_REVERSED("cost.alreadyReversed", 0),
    COST_ONLY_APPROVED_REVERSED("cost.onlyApprovedReversed", 0),
    COST_REJECT_REASON("cost.rejectReason", 0),
    COST_REVERSE_REASON("cost.reverseReason", 0),
    COST_FOUR_EYES_SUBMITTED("cost.fourEyes.submitted", 0),
    COST_FOUR_EYES_PAID("cost.fourEyes.paid", 0),
    COST_SECOND_APPROVAL("cost.secondApproval", 1),
    COST_TREASURER_APPROVES("cost.treasurerApproves", 0),
    COST_HOURS_RECURRING("cost.hoursRecurring", 0),
    COST_NO_HOURS("cost.noHours", 0),
    SPLIT_METHOD("split.method", 0),
    SPLIT_PARTICIPANTS("split.participants", 0),
    SPLIT_PARTICIPANT_TWICE("split.participantTwice", 0),
    SPLIT_EQUAL_WEIGHTS("split.equalWeights", 0),
    SPLIT_WEIGHT_PER_PARTICIPANT("split.weightPerParticipant", 1),
    SPLIT_NEGATIVE_WEIGHT("split.negativeWeight", 0),
    SPLIT_WHOLE_SHARES("split.wholeShares", 0),
    SPLIT_SHARES_POSITIVE("split.sharesPositive", 0),
    SPLIT_HOURS_POSITIVE("split.hoursPositive", 0),
    SPLIT_PERCENT_TOTAL("split.percentTotal", 1),
    SPLIT_EXACT_SCALE("split.exactScale", 1),
    SPLIT_EXACT_TOTAL("split.exactTotal", 2),

    // recurring costs
    RECURRING_AMOUNT("recurring.amount", 0),
    RECURRING_DESCRIPTION("recurring.description", 0),
    RECURRING_SCHEDULE("recurring.schedule", 0),
    RECURRING_END_BEFORE_FIRST("recurring.endBeforeFirst", 0),
    RECURRING_TOO_LONG("recurring.tooLong", 1),
    RECURRING_SPLIT("recurring.split", 0),
    RECURRING_OPEN_PARTICIPANTS("recurring.openParticipants", 0),
    RECURRING_OCCURRENCE_SUBMITTED("recurring.occurrenceSubmitted", 2),
    RECURRING_NOT_OCCURRENCE("recurring.notOccurrence", 1),

    // settlements
    SETTLEMENT_AMOUNT("settlement.amount", 0),
    SETTLEMENT_DIRECTION("settlement.direction", 0),

    // projects, assignments and workloads
    PROJECT_NOT_FOUND("project.notFound", 1),
    PROJECT_NAME("project.name", 0),
    PROJECT_CLIENT("project.client", 0),
    PROJECT_DATES("project.dates", 0),
    PROJECT_SKILLS("project.skills", 0),
    PROJECT_SKILL_NAME("project.skillName", 0),
    PROJECT_SKILL_HOURS("project.skillHours", 0),
    PROJECT_SKILL_TWICE("project.skillTwice", 1),
    PROJECT_ASSIGNMENT_OUTSIDE_DATES("project.assignmentOutsideDates", 2),
    PROJECT_SKILL_STILL_ASSIGNED("project.skillStillAssigned", 1),
    PROJECT_ALREADY_CLOSED("project.alreadyClosed", 0),
    PROJECT_CLOSING_DATE("project.closingDate", 0),
    PROJECT_CLOSED("project.closed", 0),
    PROJECT_ASSIGNMENT_ROLE("project.assignmentRole", 0),
    PROJECT_ONLY_ACTIVE("project.onlyActive", 0),
    PROJECT_SKILL_NOT_REQUIRED("project.skillNotRequired", 1),
    PROJECT_MEMBER_LACKS_SKILL("project.memberLacksSkill", 1),
    PROJECT_HOURS_PER_WEEK("project.hoursPerWeek", 0),
    PROJECT_DATE_RANGE("project.dateRange", 0),
    PROJECT_WITHIN_DATES("project.withinDates", 2),
    PROJECT_ASSIGNMENT_EXISTS("project.assignmentExists", 1),
    PROJECT_ALREADY_ASSIGNED("project.alreadyAssigned", 1),
    PROJECT_ASSIGNMENT_NOT_FOUND("project.assignmentNotFound", 1),
    PROJECT_ASSIGNMENT_END_DATE("project.assignmentEndDate", 0),
    PROJECT_ASSIGNMENT_ENDS("project.assignmentEnds", 1),
    PROJECT_MEMBER_LEAVES("project.memberLeaves", 1),
    PROJECT_OVERBOOKED("project.overbooked", 3),
    WORKLOAD_ALREADY_BOOKED("workload.alreadyBooked", 1),
    WORKLOAD_BOOKING("workload.booking", 0),
    WORKLOAD_BOOKING_NOT_FOUND("workload.bookingNotFound", 1),

    // hours
    HOURS_ENTRY_NOT_FOUND("hours.entryNotFound", 1),
    HOURS_ENTRY_EXISTS("hours.entryExists", 1),
    HOURS_TODAY("hours.today", 0),
    HOURS_CORRECTION_MONTH("hours.correctionMonth", 0),
    HOURS_CORRECTION_NOTHING("hours.correctionNothing", 0),
    HOURS_DATE_AND_KIND("hours.dateAndKind", 0),
    HOURS_POSITIVE("hours.positive", 0),
    HOURS_QUARTERS("hours.quarters", 0),
    HOURS_DAY_FULL("hours.dayFull", 2),
    HOURS_PROJECT_NEEDED("hours.projectNeeded", 0),
    HOURS_NOT_ASSIGNED("hours.notAssigned", 0),
    HOURS_SUBJECT_NEEDED("hours.subjectNeeded", 0),
    HOURS_SUBJECT_LONG("hours.subjectLong", 1),
    HOURS_PROJECT_ONLY_FOR_PROJECT_HOURS("hours.projectOnlyForProjectHours", 0),
    HOURS_BILLED("hours.billed", 0),
    HOURS_BILLED_GONE("hours.billedGone", 0),
    HOURS_BILLED_TWICE("hours.billedTwice", 0),

    // the risk pool
    POOL_OTHER_COOPERATIVE("pool.otherCooperative", 1),
    POOL_ALREADY_ENROLLED("pool.alreadyEnrolled", 0),
    POOL_FULL("pool.full", 1),
    POOL_MEMBER_NOT_ENROLLED("pool.memberNotEnrolled", 1),
    POOL_NO_ACCOUNT("pool.noAccount", 1),
    POOL_SAME_TIER("pool.sameTier", 1),
    POOL_TIER_DURING_CLAIM("pool.tierDuringClaim", 0),
    POOL_TIER_ONCE_PER_YEAR("pool.tierOncePerYear", 1),
    POOL_TIER_CURRENCY("pool.tierCurrency", 1),
    POOL_TIER_LEVEL("pool.tierLevel", 1),
    POOL_CHANGE_DATE("pool.changeDate", 2),
    POOL_DEPOSIT_BEFORE_ENROLMENT("pool.depositBeforeEnrolment", 2),
    POOL_DEPOSIT_MONTH("pool.depositMonth", 2),
    POOL_DEPOSIT_RECORDED("pool.depositRecorded", 1),
    POOL_NOT_ENROLLED("pool.notEnrolled", 0),
    POOL_CLAIM_NOT_FOUND("pool.claimNotFound", 1),
    POOL_CLAIM_EXISTS("pool.claimExists", 1),
    POOL_OPEN_CLAIM("pool.openClaim", 0),
    POOL_CLAIM_AHEAD("pool.claimAhead", 2),
    POOL_CLAIM_BEFORE_ENROLMENT("pool.claimBeforeEnrolment", 1),
    POOL_CLAIM_BEFORE_PREVIOUS("pool.claimBeforePrevious", 1),
    POOL_LATE_FILING("pool.lateFiling", 2),
    POOL_OWN_LATE_FILING("pool.ownLateFiling", 0),
    POOL_CLAIM_DECIDED("pool.claimDecided", 0),
    POOL_OWN_CLAIM("pool.ownClaim", 0),
    POOL_CLAIM_REJECTED("pool.claimRejected", 0),
    POOL_CLAIM_CLOSED("pool.claimClosed", 1),
    POOL_CLAIM_ENDS_BEFORE_START("pool.claimEndsBeforeStart", 1),
    POOL_CLAIM_ENDS_BEFORE_PAID("pool.claimEndsBeforePaid", 1),
    POOL_ONLY_APPROVED_PAID("pool.onlyApprovedPaid", 0),
    POOL_MONTH_SETTLED("pool.monthSettled", 1),
    POOL_WAITING("pool.waiting", 2),
    POOL_CLAIM_ENDED("pool.claimEnded", 2),
    POOL_MAXIMUM_MONTHS("pool.maximumMonths", 2),
    POOL_MONTH_NOT_DUE("pool.monthNotDue", 2),
    POOL_PAID_EARLIER_CLAIM("pool.paidEarlierClaim", 1),
    POOL_YEAR_END_MADE("pool.yearEndMade", 1),
    POOL_YEAR_END_EARLY("pool.yearEndEarly", 1),

    // invoicing: the cooperative's and clients' details, rates, invoices and credit notes
    INVOICE_NOT_FOUND("invoice.notFound", 1),
    INVOICE_PERIOD("invoice.period", 0),
    INVOICE_VAT_RATE("invoice.vatRate", 0),
    INVOICE_AMOUNT("invoice.amount", 1),
    INVOICE_HOURS_OUTSIDE_PERIOD("invoice.hoursOutsidePeriod", 1),
    INVOICE_NOTHING_TO_BILL("invoice.nothingToBill", 2),
    INVOICE_NO_RATE("invoice.noRate", 1),
    INVOICE_NO_LINES("invoice.noLines", 0),
    INVOICE_NO_SUCH_LINE("invoice.noSuchLine", 1),
    INVOICE_SENT_NOT_REVISED("invoice.sentNotRevised", 0),
    INVOICE_ALREADY_APPROVED("invoice.alreadyApproved", 0),
    INVOICE_TREASURER_APPROVES("invoice.treasurerApproves", 0),
    INVOICE_FOUR_EYES("invoice.fourEyes", 0),
    INVOICE_NO_INVOICING_DETAILS("invoice.noInvoicingDetails", 0),
    INVOICE_NO_CLIENT_DETAILS("invoice.noClientDetails", 0),
    INVOICE_REVERSE_CHARGE_CHANGED("invoice.reverseChargeChanged", 0),
    INVOICE_NUMBER_YEAR("invoice.numberYear", 0),
    INVOICE_YEAR_RANGE("invoice.yearRange", 0),
    INVOICE_PAYMENT_ON_DRAFT("invoice.paymentOnDraft", 0),
    INVOICE_PAYMENT_BEFORE_ISSUE("invoice.paymentBeforeIssue", 1),
    INVOICE_OVERPAID("invoice.overpaid", 1),
    INVOICE_CREDIT_ON_DRAFT("invoice.creditOnDraft", 0),
    INVOICE_CREDIT_REASON("invoice.creditReason", 0),
    INVOICE_CREDIT_LINES_OR_AMOUNT("invoice.creditLinesOrAmount", 0),
    INVOICE_CREDIT_NUMBER_YEAR("invoice.creditNumberYear", 0),
    INVOICE_LINE_CREDITED("invoice.lineCredited", 1),
    INVOICE_CREDIT_TOO_MUCH("invoice.creditTooMuch", 1),
    INVOICE_DRAFT_NO_PDF("invoice.draftNoPdf", 0),
    INVOICE_DRAFT_NO_UBL("invoice.draftNoUbl", 0),
    INVOICING_DETAILS_REQUIRED("invoicing.detailsRequired", 0),
    INVOICING_DETAILS_NOT_SET("invoicing.detailsNotSet", 0),
    INVOICING_VAT_NUMBER_REQUIRED("invoicing.vatNumberRequired", 0),
    INVOICING_VAT_NUMBER("invoicing.vatNumber", 1),
    INVOICING_KVK_NUMBER("invoicing.kvkNumber", 0),
    INVOICING_FEE_PERCENT("invoicing.feePercent", 0),
    INVOICING_PAYMENT_TERM_DAYS("invoicing.paymentTermDays", 0),
    INVOICING_IBAN("invoicing.iban", 0),
    INVOICING_TEXT("invoicing.text", 2),
    INVOICING_COUNTRY("invoicing.country", 1),
    INVOICING_ADDRESS("invoicing.address", 1),
    INVOICING_RATES("invoicing.rates", 0),
    INVOICING_RATE_TWICE("invoicing.rateTwice", 1),
    INVOICING_HOURLY_RATE("invoicing.hourlyRate", 0),
    INVOICING_CLIENT_DETAILS_REQUIRED("invoicing.clientDetailsRequired", 0),
    INVOICING_CLIENT_DETAILS_NOT_SET("invoicing.clientDetailsNotSet", 0),
    INVOICING_CLIENT_KVK_NUMBER("invoicing.clientKvkNumber", 0),

    // accounts: invitations, password resets and API tokens
    INVITATION_NOT_FOUND("invitation.notFound", 0),
    INVITATION_USED("invitation.used", 0),
    INVITATION_EXPIRED("invitation.expired", 0),
    PASSWORD_RESET_NOT_FOUND("passwordReset.notFound", 0),
    PASSWORD_RESET_EXPIRED("passwordReset.expired", 0),
    TOKEN_NOT_FOUND("token.notFound", 1),

    // operations: rebuilding views and dead letters
    PROJECTION_NOT_FOUND("projection.notFound", 2),
    REPLAY_NOT_ALLOWED("replay.notAllowed", 1),
    REPLAY_RUNNING("replay.running", 1),
    REPLAY_NONE("replay.none", 1),
    DEAD_LETTER_NOT_FOUND("deadLetter.notFound", 2),
    DEAD_LETTER_NO_QUEUE("deadLetter.noQueue", 1),

    // export and re-import of a whole cooperative
    IMPORT_COOPERATIVE_EXISTS("import.cooperativeExists", 1);

    private final String code;
    private final int arity;
    private final String field;

    Refusal(String code, int arity) {
        this(code, arity, null);
    }

    Refusal(String code, int arity, String field) {
        this.code = code;
        this.arity = arity;
        this.field = field;
    }

    /** The stable code, e.g. {@code cost.fourEyes.submitted}. */
    public String code() {
        return code;
    }

    /** How many values the refusal's words take. */
    public int arity() {
        return arity;
    }

    /**
     * The one field of a request a rule about that field's value refuses (the API answers it as an
     * invalid field, 400, naming it), or null for a rule about the whole: the aggregate is the one
     * place such a rule is checked.
     */
    public String field() {
        return field;
    }
}
