package coop.cooperative.app.mail;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The mail_outbox table: letters waiting to be sent, claimed by one node at a time, marked sent or
 * failed. Every change to a row is one conditional UPDATE, so two nodes on one database never both
 * own a row.
 */
@Repository
class MailOutbox {

    private final JdbcClient jdbc;

    MailOutbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Rendered(String subject, String text, String html) {
    }

    /** A letter ready to go out, as a sender loads it after claiming it. */
    record Queued(long id, String to, String template, String subject, String text, String html, int attempts) {
    }

    /** What the installation's administrator sees of a letter still waiting: never its body. */
    record Waiting(long id, String to, String template, int attempts, String lastError, Instant nextAttemptAt,
                   Instant createdAt) {
    }

    /**
     * Adds the letter unless one with its key exists, in the caller's transaction. Two transactions
     * adding the same key at once: the second fails on the unique key, and is retried by whoever
     * started it (then it finds the first).
     */
    void add(Letter letter, Rendered rendered, Instant now) {
        boolean known = jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE mail_key = ?")
                .param(letter.key()).query(Long.class).single() > 0;
        if (known) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO mail_outbox (mail_key, recipient, template, subject, text_body, html_body,
                                                 created_at, next_attempt_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(letter.key(), letter.to(), letter.template(), rendered.subject(), rendered.text(),
                        rendered.html(), at(now), at(now))
                .update();
    }

    /** The ids of letters due now and claimed by nobody (or by a node whose claim ran out), oldest first. */
    List<Long> due(Instant now, int limit) {
        return jdbc.sql("""
                        SELECT id FROM mail_outbox
                        WHERE sent_at IS NULL AND next_attempt_at <= ? AND (claimed_until IS NULL OR claimed_until < ?)
                        ORDER BY id LIMIT ?""")
                .params(at(now), at(now), limit)
                .query(Long.class).list();
    }

    /** Whether this node now owns the letter: only the one UPDATE that changed the row wins. */
    boolean claim(long id, String node, Instant now, Instant until) {
        return jdbc.sql("""
                        UPDATE mail_outbox SET claimed_by = ?, claimed_until = ?
                        WHERE id = ? AND sent_at IS NULL AND (claimed_until IS NULL OR claimed_until < ?)""")
                .params(node, at(until), id, at(now))
                .update() == 1;
    }

    Queued load(long id) {
        return jdbc.sql("SELECT id, recipient, template, subject, text_body, html_body, attempts FROM mail_outbox WHERE id = ?")
                .param(id)
                .query((rs, row) -> new Queued(rs.getLong("id"), rs.getString("recipient"), rs.getString("template"),
                        rs.getString("subject"), rs.getString("text_body"), rs.getString("html_body"),
                        rs.getInt("attempts")))
                .single();
    }

    /** Sent: the bodies are erased, since they may hold a link with a token that nobody needs any more. */
    void sent(long id, String node, Instant now) {
        jdbc.sql("""
                        UPDATE mail_outbox SET sent_at = ?, text_body = NULL, html_body = NULL, claimed_by = NULL,
                                               claimed_until = NULL, last_error = NULL
                        WHERE id = ? AND claimed_by = ?""")
                .params(at(now), id, node)
                .update();
    }

    void failed(long id, String node, String error, Instant nextAttempt) {
        jdbc.sql("""
                        UPDATE mail_outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ?,
                                               claimed_by = NULL, claimed_until = NULL
                        WHERE id = ? AND claimed_by = ?""")
                .params(error, at(nextAttempt), id, node)
                .update();
    }

    List<Waiting> waiting() {
        return jdbc.sql("""
                        SELECT id, recipient, template, attempts, last_error, next_attempt_at, created_at
                        FROM mail_outbox WHERE sent_at IS NULL ORDER BY id""")
                .query((rs, row) -> new Waiting(rs.getLong("id"), rs.getString("recipient"), rs.getString("template"),
                        rs.getInt("attempts"), rs.getString("last_error"),
                        rs.getObject("next_attempt_at", OffsetDateTime.class).toInstant(),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    long countWaiting() {
        return jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE sent_at IS NULL").query(Long.class).single();
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
