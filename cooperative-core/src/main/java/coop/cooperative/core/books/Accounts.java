package coop.cooperative.core.books;

import coop.cooperative.core.shared.MemberId;

/**
 * The chart of accounts of the books. Members' current accounts are liabilities of the
 * cooperative (a credit means the cooperative owes the member); the cooperative's side is its bank
 * account, what each category of shared cost cost it, and what it recharged to members for it;
 * when it is VAT-registered, the input VAT it reclaims. Invoicing adds what clients owe, the VAT
 * charged to them, and the fee and margin the cooperative earns on its invoices.
 */
public final class Accounts {

    public static final String MEMBERS = "liabilities:members:";
    public static final String BANK = "assets:bank";
    /** The VAT a VAT-registered cooperative paid on its costs and reclaims on its VAT return. */
    public static final String INPUT_VAT = "assets:vat:input";

    /** What clients owe the cooperative on its sent invoices. */
    public static final String RECEIVABLES = "assets:receivables:clients";
    /** The VAT charged on the cooperative's invoices, owed to the tax office on its VAT return. */
    public static final String OUTPUT_VAT = "liabilities:vat:output";
    /** The cooperative's fee: its share (policy percentage) of the members' earnings on invoices. */
    public static final String INVOICING_FEES = "income:invoicing:fees";
    /** What invoices bring in beyond the members' earnings: client rate less member rate, fixed amounts. */
    public static final String INVOICING_MARGIN = "income:invoicing:margin";

    private Accounts() {
    }

    public static String member(MemberId memberId) {
        return MEMBERS + memberId;
    }

    public static String expenses(String category) {
        return "expenses:" + category;
    }

    public static String recharged(String category) {
        return "income:recharged:" + category;
    }
}
