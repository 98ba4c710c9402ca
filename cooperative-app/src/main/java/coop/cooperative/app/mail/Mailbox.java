package coop.cooperative.app.mail;

/**
 * Outgoing mail. A letter is queued in the caller's transaction and sent after it commits, so a
 * change rolled back sends nothing and a change kept is never without its mail.
 */
public interface Mailbox {

    /** Whether this installation sends mail ({@code spring.mail.host} is set). */
    boolean isOn();

    /** Queues the letter; a second letter with the same key is ignored. Does nothing while mail is off. */
    void send(Letter letter);

    /** The address links in mails start with ({@code cooperative.base-url}), without a trailing slash. */
    String baseUrl();
}
