package coop.cooperative.app.web;

/** CSV as the downloads write it (RFC 4180), for the books and the audit trail alike. */
public final class Csv {

    private Csv() {
    }

    /** A quoted cell, with a leading quote mark for text a spreadsheet would run as a formula. */
    public static String cell(String text) {
        String safe = text.isEmpty() || "=+-@".indexOf(text.charAt(0)) < 0 ? text : "'" + text;
        return '"' + safe.replace("\"", "\"\"") + '"';
    }
}
