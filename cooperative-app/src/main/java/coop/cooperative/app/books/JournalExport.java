package coop.cooperative.app.books;

import coop.cooperative.app.web.Csv;
import coop.cooperative.core.books.Accounts;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.projections.books.BookQueries.JournalLine;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes the books as an hledger/ledger-cli journal: one transaction per event that moved money,
 * the event id in a comment, and at the end of every closed period a transaction of balance
 * assertions on each member's account, so hledger itself checks that its balances are ours.
 */
final class JournalExport {

    private JournalExport() {
    }

    /**
     * {@code names}: every member's name, departed members' too; a member's postings carry it in a
     * {@code member:} tag, and their account's declaration in a {@code name:} tag.
     */
    static String journal(String title, String currency, List<JournalLine> lines, List<YearMonth> closedPeriods,
                          Map<MemberId, String> names) {
        StringBuilder out = new StringBuilder(lines.size() * 110 + names.size() * 100 + 400);
        out.append("; ").append(clean(title)).append(": the books, exported by Cooperative\n");
        out.append("; members' current accounts: liabilities:members:<memberId> (a credit: the cooperative owes the member);\n");
        out.append("; the member's name is on the account's declaration and on each of their postings\n\n");
        Map<MemberId, String> members = JournalDeclarations.tagValues(names);
        JournalDeclarations.write(out, currency, lines, members);
        Map<MemberId, BigDecimal> running = new TreeMap<>();
        Iterator<YearMonth> periods = closedPeriods.stream().sorted().iterator();
        YearMonth nextClose = periods.hasNext() ? periods.next() : null;
        String currentEvent = null;
        for (JournalLine line : lines) {
            while (nextClose != null && line.date().isAfter(nextClose.atEndOfMonth())) {
                assertions(out, nextClose, running, currency, members);
                nextClose = periods.hasNext() ? periods.next() : null;
            }
            if (!line.eventId().equals(currentEvent)) {
                currentEvent = line.eventId();
                out.append('\n').append(line.date()).append(' ').append(clean(line.description()))
                        .append("  ; event:").append(line.eventId());
                // A cost's VAT, as a tag on the transaction: its expense line (the first) carries it.
                if (line.vat() != null && !line.vat().isZero()) {
                    out.append(", vat:").append(line.vat().amount().toPlainString()).append(' ')
                            .append(line.vat().currency().getCurrencyCode());
                }
                out.append('\n');
            }
            posting(out, line.account(), line.amount().amount(), line.amount().currency().getCurrencyCode(), null,
                    line.memberId() == null ? null : members.get(line.memberId()));
            if (line.memberId() != null) {
                running.merge(line.memberId(), line.amount().amount(), BigDecimal::add);
            }
        }
        while (nextClose != null) {
            assertions(out, nextClose, running, currency, members);
            nextClose = periods.hasNext() ? periods.next() : null;
        }
        return out.toString();
    }

    private static void assertions(StringBuilder out, YearMonth period, Map<MemberId, BigDecimal> running,
                                   String currency, Map<MemberId, String> names) {
        if (running.isEmpty()) {
            return;
        }
        LocalDate end = period.atEndOfMonth();
        out.append('\n').append(end).append(" Balances at the close of ").append(period)
                .append("  ; closed period ").append(period).append('\n');
        running.forEach((member, balance) ->
                posting(out, Accounts.member(member), BigDecimal.ZERO.setScale(2), currency, balance,
                        names.get(member)));
    }

    /**
     * {@code member}: the name of the member whose account it is, or null, for the posting's comment.
     * After a balance assertion it goes on the next line: ledger would read it as part of the assertion.
     */
    private static void posting(StringBuilder out, String account, BigDecimal amount, String currency,
                                BigDecimal assertion, String member) {
        out.append("    ").append(account).append("    ").append(amount.setScale(2).toPlainString())
                .append(' ').append(currency);
        if (assertion != null) {
            out.append(" = ").append(assertion.setScale(2).toPlainString()).append(' ').append(currency);
        }
        if (member != null) {
            out.append(assertion == null ? "  ; member: " : "\n        ; member: ").append(member);
        }
        out.append('\n');
    }

    /** A description on one line, without the characters that start a comment or a note in a journal. */
    static String clean(String text) {
        return text.replaceAll("[\\p{Cntrl}]", " ").replace(';', ',').replace('|', '/').strip();
    }

    static String csv(List<JournalLine> lines) {
        StringBuilder out = new StringBuilder(lines.size() * 120 + 60);
        out.append("date,transaction,account,amount,currency,description,vat\r\n");
        for (JournalLine line : lines) {
            out.append(line.date()).append(',').append(line.eventId()).append(',').append(line.account()).append(',')
                    .append(line.amount().amount().toPlainString()).append(',')
                    .append(line.amount().currency().getCurrencyCode()).append(',')
                    .append(Csv.cell(line.description())).append(',')
                    .append(line.vat() == null ? "" : line.vat().amount().toPlainString()).append("\r\n");
        }
        return out.toString();
    }


}
